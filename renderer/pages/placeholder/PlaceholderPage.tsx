import { Card, Empty } from 'antd';

/** A page whose feature has not landed yet: says what will be here, so the shell is navigable. */
export function PlaceholderPage({ title, description }: { title: string; description: string }) {
  return (
    <div>
      <div className="page-header">
        <h1>{title}</h1>
      </div>
      <Card>
        <Empty description={description} />
      </Card>
    </div>
  );
}
