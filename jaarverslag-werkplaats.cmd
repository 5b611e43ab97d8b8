@echo off
rem De werkplaats starten op Windows: dubbelklik op dit bestand (of start het vanaf de
rem opdrachtregel, met bijvoorbeeld --data "H:\Vertrouwenspersonen\registratie").
rem Nodig: Node.js 20 of nieuwer (https://nodejs.org) en Microsoft Edge of Google Chrome.
rem Hetzelfde als ./jaarverslag werkplaats, zonder bash.
setlocal
cd /d "%~dp0"
where node >nul 2>nul
if errorlevel 1 (
  echo Node.js is niet gevonden. Installeer Node.js 20 of nieuwer van https://nodejs.org en start dit bestand opnieuw.
  pause
  exit /b 1
)
if not exist "node_modules\tsx\" (
  echo De onderdelen van het programma worden eenmalig geinstalleerd. Even geduld ...
  call npm ci --omit=dev --no-audit --no-fund --loglevel=error
  if errorlevel 1 (
    echo Het installeren is mislukt. Vraag de beheerder om hulp.
    pause
    exit /b 1
  )
)
node --import tsx src\cli.ts werkplaats %*
if errorlevel 1 pause
endlocal
