; Inno Setup 6 script: a Windows installer for the one-folder bundle, with the
; .blueprint file association. NOT TRIED: written and checked on Linux only (see
; packaging/README.md, "Windows"). Build the bundle on Windows first, from the
; repository root:
;   py -m pip install "pyinstaller>=6.10,<7" .
;   py -m PyInstaller --noconfirm --distpath packaging\dist --workpath packaging\.build\pyinstaller packaging\blueprint.spec
; then compile this script:  iscc packaging\windows\blueprint.iss
#define AppName "Blueprint"
#define AppVersion "0.1.0"
#define ProgId "Blueprint.Project"

[Setup]
; The installer's identity: keep this GUID for every version, so upgrades replace.
AppId={{C378EED5-ADA5-4A3F-81FF-2E6FF0351F66}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=The Blueprint contributors
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
OutputDir=..\dist
OutputBaseFilename=Blueprint-{#AppVersion}-setup
SetupIconFile=blueprint.ico
UninstallDisplayIcon={app}\blueprintw.exe
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Per-user or all users, as the person installing chooses (HKA below follows it).
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Files]
Source: "..\dist\blueprint\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
; blueprintw.exe is the editor without a console window; blueprint.exe is the
; command line (blueprint report ..., blueprint check ...).
Name: "{group}\{#AppName}"; Filename: "{app}\blueprintw.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\blueprintw.exe"; Tasks: desktopicon

[Registry]
; Double-clicking a .blueprint file opens it in the editor.
Root: HKA; Subkey: "Software\Classes\.blueprint\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Blueprint project"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\blueprintw.exe,0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\blueprintw.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\blueprintw.exe\SupportedTypes"; ValueType: string; ValueName: ".blueprint"; ValueData: ""

[Run]
Filename: "{app}\blueprintw.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
