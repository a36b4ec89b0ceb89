; stratboard's Windows installer, built on Linux by scripts/windows/build.sh with Debian's
; makensis:
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DSTAGE=<folder> -DOUTFILE=<setup.exe>
;            -DUNINSTALL_LIST=<uninstall-files.nsh> -DICON=<stratboard.ico>
;            scripts/windows/installer.nsi
; STAGE holds what the portable ZIP holds (stratboard.exe, samples, docs, licences);
; UNINSTALL_LIST deletes exactly those files again (build.sh writes it from STAGE).
;
; - For the current user without administrator rights (%LOCALAPPDATA%\Programs\stratboard,
;   HKCU), or for all users when run as administrator (Program Files, HKLM): MultiUser.nsh.
;   /CurrentUser and /AllUsers choose on the command line; /S installs silently.
; - A Start-menu shortcut «Доска стратегической сессии» (Russian) or "stratboard" (English).
; - The uninstaller is registered in Settings → Apps.
; - "Open with" lists stratboard for .ron files; it never becomes their default program.
; - For all users it allows stratboard through Windows Defender Firewall on private networks
;   (the room for phones); the uninstaller removes that rule.
; - Russian and English pages, by the system's language.
; - 64-bit (amd64-unicode), as the program is: Debian's wine64 cannot run a 32-bit installer.

Unicode true
Target amd64-unicode
ManifestSupportedOS Win10
ManifestDPIAware true
SetCompressor /SOLID lzma

!ifndef VERSION | STAGE | OUTFILE | UNINSTALL_LIST | ICON
  !error "build with scripts/windows/build.sh (VERSION, STAGE, OUTFILE, UNINSTALL_LIST, ICON)"
!endif

!define PRODUCT "stratboard"
!define PUBLISHER "The stratboard developers"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${PRODUCT}"
!define SETTINGS_KEY "Software\${PRODUCT}"
!define PROGID "stratboard.session"
!define FIREWALL_RULE "stratboard"

Name "${PRODUCT}"
OutFile "${OUTFILE}"
BrandingText "${PRODUCT} ${VERSION}"

!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_USE_PROGRAMFILES64
!define MULTIUSER_INSTALLMODE_INSTDIR "${PRODUCT}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "${SETTINGS_KEY}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallLocation"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_KEY "${SETTINGS_KEY}"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_VALUENAME "InstallLocation"
!include MultiUser.nsh
!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
; "Run stratboard" starts it through Explorer, as the user: an installer run as administrator
; would otherwise start it elevated, and Windows keeps files dragged from Explorer out of an
; elevated window.
!define MUI_FINISHPAGE_RUN
!define MUI_FINISHPAGE_RUN_FUNCTION RunAsUser

!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; English first: the pages of a system in neither language (.onInit picks Russian for the
; languages whose speakers usually read it, as the program does).
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Russian"

LangString SHORTCUT ${LANG_ENGLISH} "stratboard"
LangString SHORTCUT ${LANG_RUSSIAN} "Доска стратегической сессии"
LangString SESSION_TYPE ${LANG_ENGLISH} "stratboard session"
LangString SESSION_TYPE ${LANG_RUSSIAN} "Сессия stratboard"
LangString DISPLAY_NAME ${LANG_ENGLISH} "stratboard — strategic session board"
LangString DISPLAY_NAME ${LANG_RUSSIAN} "stratboard — доска стратегической сессии"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "stratboard ${VERSION} setup"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "MIT or Apache-2.0"

; Russian for Russian and for Belarusian, Kazakh, Kyrgyz, Tatar and Bashkir Windows (primary
; language ids), as the program chooses its own language; otherwise NSIS's choice stands.
!macro PICK_LANGUAGE
  System::Call 'kernel32::GetUserDefaultUILanguage() i .r0'
  IntOp $0 $0 & 0x3FF
  ${If} $0 = 0x19
  ${OrIf} $0 = 0x23
  ${OrIf} $0 = 0x3F
  ${OrIf} $0 = 0x40
  ${OrIf} $0 = 0x44
  ${OrIf} $0 = 0x6D
    StrCpy $LANGUAGE ${LANG_RUSSIAN}
  ${EndIf}
!macroend

Function .onInit
  !insertmacro PICK_LANGUAGE
  !insertmacro MULTIUSER_INIT
FunctionEnd

Function un.onInit
  !insertmacro PICK_LANGUAGE
  !insertmacro MULTIUSER_UNINIT
FunctionEnd

Function RunAsUser
  Exec '"$WINDIR\explorer.exe" "$INSTDIR\stratboard.exe"'
FunctionEnd

Section "stratboard" Main
  SectionIn RO
  SetOutPath "$INSTDIR"
  File /r "${STAGE}/*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; The shortcut's name follows the language of the installer's pages.
  SetOutPath "$INSTDIR"
  CreateShortcut "$SMPROGRAMS\$(SHORTCUT).lnk" "$INSTDIR\stratboard.exe" "" \
    "$INSTDIR\stratboard.exe" 0

  WriteRegStr SHCTX "${SETTINGS_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${SETTINGS_KEY}" "Shortcut" "$(SHORTCUT)"
  Call WriteUninstallEntry
  Call WriteOpenWith
  ${If} $MultiUser.InstallMode == "AllUsers"
    Call AllowThroughFirewall
  ${EndIf}
SectionEnd

; Settings → Apps: name, icon, version, size and how to remove it (silently, too).
Function WriteUninstallEntry
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayName" "$(DISPLAY_NAME)"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\stratboard.exe,0"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "UninstallString" \
    '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "QuietUninstallString" \
    '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode /S'
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "EstimatedSize" "$0"
FunctionEnd

; "Open with" for .ron: a ProgID listed in .ron's OpenWithProgids and the program's
; Applications entry. The extension's default value (its default program) is never written:
; other programs use .ron too.
Function WriteOpenWith
  WriteRegStr SHCTX "Software\Classes\${PROGID}" "" "$(SESSION_TYPE)"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\stratboard.exe,0"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\shell\open\command" "" \
    '"$INSTDIR\stratboard.exe" "%1"'
  WriteRegStr SHCTX "Software\Classes\.ron\OpenWithProgids" "${PROGID}" ""
  WriteRegStr SHCTX "Software\Classes\Applications\stratboard.exe" "FriendlyAppName" \
    "$(SHORTCUT)"
  WriteRegStr SHCTX "Software\Classes\Applications\stratboard.exe\SupportedTypes" ".ron" ""
  WriteRegStr SHCTX "Software\Classes\Applications\stratboard.exe\DefaultIcon" "" \
    "$INSTDIR\stratboard.exe,0"
  WriteRegStr SHCTX "Software\Classes\Applications\stratboard.exe\shell\open\command" "" \
    '"$INSTDIR\stratboard.exe" "%1"'
  ; SHCNE_ASSOCCHANGED: Explorer rereads the associations.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
FunctionEnd

; Phones reach the room through Windows Defender Firewall: incoming TCP to stratboard.exe on
; private networks. An older rule of the same name goes first, so reinstalling keeps one.
Function AllowThroughFirewall
  nsExec::ExecToLog '"$SYSDIR\netsh.exe" advfirewall firewall delete rule \
    name="${FIREWALL_RULE}"'
  Pop $0
  nsExec::ExecToLog '"$SYSDIR\netsh.exe" advfirewall firewall add rule \
    name="${FIREWALL_RULE}" dir=in action=allow protocol=TCP profile=private enable=yes \
    program="$INSTDIR\stratboard.exe"'
  Pop $0
  DetailPrint "netsh advfirewall: $0"
FunctionEnd

Section "Uninstall"
  ${If} $MultiUser.InstallMode == "AllUsers"
    nsExec::ExecToLog '"$SYSDIR\netsh.exe" advfirewall firewall delete rule \
      name="${FIREWALL_RULE}"'
    Pop $0
  ${EndIf}

  ; Both names: the uninstaller may run in the other language.
  ReadRegStr $0 SHCTX "${SETTINGS_KEY}" "Shortcut"
  ${If} $0 != ""
    Delete "$SMPROGRAMS\$0.lnk"
  ${EndIf}
  Delete "$SMPROGRAMS\stratboard.lnk"
  Delete "$SMPROGRAMS\Доска стратегической сессии.lnk"

  DeleteRegKey SHCTX "Software\Classes\${PROGID}"
  DeleteRegValue SHCTX "Software\Classes\.ron\OpenWithProgids" "${PROGID}"
  DeleteRegKey /IfEmpty SHCTX "Software\Classes\.ron\OpenWithProgids"
  DeleteRegKey /IfEmpty SHCTX "Software\Classes\.ron"
  DeleteRegKey SHCTX "Software\Classes\Applications\stratboard.exe"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  ; Only what the installer put there: the folder may have been chosen by hand. The user's
  ; settings and sessions (%APPDATA%, their documents) stay.
  !include "${UNINSTALL_LIST}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  DeleteRegKey SHCTX "${UNINSTALL_KEY}"
  DeleteRegKey SHCTX "${SETTINGS_KEY}"
SectionEnd
