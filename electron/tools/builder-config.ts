import type { AfterPackContext, Configuration } from 'electron-builder';
import { packagedAppProblems, packageTargetOf, unloadableRuntimePackages } from './package-layout.ts';

/**
 * electron-builder 26.17.0 configuration: the installers a clerk's PC gets on a USB stick. Run it
 * through `npm run dist` (electron/tools/dist.ts), which builds first and finds the Electron zip
 * offline; the README's developers' section explains offline packaging step by step.
 *
 * Windows x64: an NSIS installer (Chinese, per-user or per-machine, shortcuts, keeps the data on
 * uninstall unless asked) and a portable .exe. Linux x64 and arm64 (统信 UOS, 麒麟): .deb and AppImage.
 */
const config = {
  appId: 'cn.gov.yuanjiang.sfj.enforcement-registry',
  productName: '执法台账',
  copyright: 'Copyright © 2026 沅江市司法局',
  directories: { buildResources: 'build', output: 'release' },

  // better-sqlite3 ships N-API binaries for every target inside its npm package: nothing is
  // rebuilt, so packaging needs neither a compiler nor Electron's headers from the internet.
  npmRebuild: false,
  // A production dependency that cannot be found fails the build, instead of a warning and a
  // program that stops with MODULE_NOT_FOUND on the clerk's PC (electron-builder 26 only warns).
  allowMissingDependencies: false,
  // No auto-update: the program never contacts a server, and the installers carry no update feed.
  publish: null,

  // What goes into resources/app.asar (node_modules: the production dependencies, added by
  // electron-builder and filtered by the "!" patterns here and per platform below).
  files: [
    'package.json',
    'dist/electron/**',
    'dist/renderer/**',
    'migrations/*.sql',
    '!**/*.map',
    // better-sqlite3: only the prebuilt binary is needed, not SQLite's sources or a local build
    // (a locally compiled build/Release binary would be loaded in place of the prebuilt one).
    '!**/node_modules/better-sqlite3/{build,deps,src}{,/**}',
    // Each program carries only the better-sqlite3 binary of its own platform and arch: `${os}` is
    // the target's platform (win, linux), `${arch}` its architecture. No macOS target, and Electron
    // never runs on musl. (Platform-specific `files` would replace this list, not add to it.)
    '!**/node_modules/better-sqlite3/prebuilds/!(${os}*-${arch}).node',
    '!**/node_modules/better-sqlite3/prebuilds/{darwin,linuxmusl}-*.node',
    // ExcelJS's browser bundles (21 MB); Node loads lib/ (package.json "main": excel.js).
    '!**/node_modules/exceljs/dist{,/**}',
    // Documentation of the runtime packages (electron-builder already leaves out their top-level
    // README, CHANGELOG, test and example folders). Folders are not excluded by name: ExcelJS's
    // code lives in lib/doc.
    '!**/node_modules/**/*.{md,markdown}',
  ],
  // Native modules cannot be loaded from inside the archive; the import's parse worker is a worker
  // thread and starts from a real file (electron/backend/unpacked-path.ts).
  asarUnpack: ['**/*.node', 'dist/electron/parse-worker.cjs'],
  // Chromium's own texts (context menus, dialogs) in Chinese; English as its fallback. Drops ~50 other locales.
  electronLanguages: ['zh-CN', 'en-US'],

  // Electron security checklist, item 19 (flip the fuses).
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },

  // Every target's program folder is checked before it is wrapped into an installer.
  afterPack: (context: AfterPackContext) => {
    const target = packageTargetOf(context.electronPlatformName, context.arch);
    const problems = packagedAppProblems(context.appOutDir, target, context.packager.projectDir);
    if (problems.length === 0) problems.push(...unloadableRuntimePackages(context.appOutDir));
    if (problems.length > 0) throw new Error(`安装包内容不完整（the packaged program is incomplete）:\n  ${problems.join('\n  ')}`);
  },

  win: {
    target: [
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ],
    icon: 'build/icon.ico',
    requestedExecutionLevel: 'asInvoker',
  },
  nsis: {
    artifactName: 'enforcement-registry-${version}-win-${arch}-setup.${ext}',
    // The assisted installer: the clerk chooses 仅为我安装 (per-user, no administrator rights, the
    // default) or 为使用这台电脑的任何人安装 (per-machine, asks for elevation).
    oneClick: false,
    perMachine: false,
    selectPerMachineByDefault: false,
    allowElevation: true,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: '执法台账',
    uninstallDisplayName: '执法台账 ${version}',
    runAfterFinish: true,
    // Chinese only. installerLanguages with multiLanguageInstaller left on is how electron-builder
    // builds a zh_CN installer; turning it off would fall back to English.
    installerLanguages: ['zh_CN'],
    language: '2052',
    license: 'build/license_zh_CN.txt',
    // Keep %APPDATA%\enforcement-registry on uninstall; build/installer.nsh asks (default: keep).
    deleteAppDataOnUninstall: false,
    include: 'build/installer.nsh',
    // No updates, so no block map for differential downloads.
    differentialPackage: false,
  },
  portable: {
    artifactName: 'enforcement-registry-${version}-win-${arch}-portable.${ext}',
    requestExecutionLevel: 'user',
  },

  linux: {
    target: [
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ],
    executableName: 'enforcement-registry',
    icon: 'build/icons',
    category: 'Office',
    synopsis: '行政执法人员、证件与“一目录四清单”台账',
    description:
      '执法台账：司法局行政执法协调监督工作用的离线桌面程序。登记行政执法人员和监督人员及其证件（考试、发证、换证、暂扣、吊销、注销）、年度培训学时，以及各执法主体的分类检查事项目录和不予处罚、从轻处罚、减轻处罚、不予强制清单；从 Excel 导入，打印名册并导出 Excel。数据只保存在本机，不联网。',
    maintainer: '沅江市司法局',
    vendor: '沅江市司法局',
    desktop: {
      entry: {
        Name: '执法台账',
        Comment: '行政执法人员、证件与一目录四清单台账',
        Keywords: '执法;台账;执法证;监督证;司法局;一目录四清单;',
      },
    },
  },
  deb: {
    // Debian's names for the architectures: enforcement-registry_0.1.0_amd64.deb, …_arm64.deb.
    artifactName: 'enforcement-registry_${version}_${arch}.${ext}',
    packageCategory: 'utils',
    priority: 'optional',
  },
  appImage: {
    artifactName: 'enforcement-registry-${version}-linux-${arch}.${ext}',
  },
} satisfies Configuration;

export default config;
