; 执法台账: additions to electron-builder's NSIS installer (nsis.include in electron-builder.ts).
; Saved as UTF-8 with a byte-order mark: makensis reads an include without one in the build
; machine's ANSI code page, which would garble the Chinese text.
;
; Uninstalling removes the program and keeps the clerk's data: the registry, its automatic backups
; and the log, all in %APPDATA%\enforcement-registry (APP_FOLDER_NAME in
; electron/backend/data-dir.ts; Electron's own caches live there too). The uninstaller asks whether
; to delete that folder as well, and the default answer is No. An update (a newer installer runs
; the old uninstaller with --updated) and a silent uninstall (/S) never ask and never delete;
; "--delete-app-data" on the uninstaller's command line still deletes, as electron-builder defines.

!macro customUnInstall
  ${ifNot} ${isUpdated}
  ${andIfNot} ${Silent}
    ; Electron keeps its data per user even when the program was installed for all users.
    ${if} $installMode == "all"
      SetShellVarContext current
    ${endif}
    ${if} ${FileExists} "$APPDATA\enforcement-registry\*.*"
      ${if} ${Cmd} `MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 "是否同时删除执法台账的数据？$\r$\n$\r$\n数据文件夹：$APPDATA\enforcement-registry$\r$\n（人员、证件、清单数据库，自动备份和日志都在这里）$\r$\n$\r$\n选“否”（推荐）：只卸载程序，数据原样保留，重新安装后可继续使用。$\r$\n选“是”：数据文件夹将被永久删除，无法恢复。请先确认已另行备份。" /SD IDNO IDYES`
        RMDir /r "$APPDATA\enforcement-registry"
      ${endif}
    ${endif}
    ${if} $installMode == "all"
      SetShellVarContext all
    ${endif}
  ${endIf}
!macroend
