<#
.SYNOPSIS
  Installs the Steward agent as a Windows service (StewardAgent), running as LocalSystem at boot,
  without a window, at idle priority, restarted if it stops.

.DESCRIPTION
  Windows starts a service only if its program answers the Service Control Manager, which the
  agent (a Node single executable) cannot do by itself. This script therefore compiles, with the
  C# compiler every Windows has (Add-Type), a small service host next to the agent; the host runs
  steward-agent.exe hidden, restarts it if it exits, and stops it when the service stops.

  Run from an elevated Windows PowerShell (5.1):
    powershell -ExecutionPolicy Bypass -File install-windows.ps1 -Server https://steward.example.com:8080 -EnrollSecret SECRET
  Again to upgrade (the configuration is kept unless -Server and -EnrollSecret are given).
  -Uninstall removes the service and the program, and keeps C:\ProgramData\Steward\agent.

.PARAMETER Executable
  The agent executable to install; by default steward-agent.exe beside this script.
#>
[CmdletBinding()]
param(
  [string]$Server,
  [string]$EnrollSecret,
  [string]$Executable = (Join-Path $PSScriptRoot 'steward-agent.exe'),
  [switch]$Uninstall
)
$ErrorActionPreference = 'Stop'

$serviceName = 'StewardAgent'
$programDir = Join-Path $env:ProgramFiles 'Steward'
$stateDir = Join-Path $env:ProgramData 'Steward\agent'
$config = Join-Path $stateDir 'config.json'
$agentExe = Join-Path $programDir 'steward-agent.exe'
$hostExe = Join-Path $programDir 'steward-agent-service.exe'

$principal = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())
if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
  throw 'Run this script from an elevated PowerShell (Run as administrator).'
}

$existing = Get-Service -Name $serviceName -ErrorAction SilentlyContinue
if ($existing) {
  if ($existing.Status -ne 'Stopped') { Stop-Service -Name $serviceName -Force }
  if ($Uninstall) {
    & sc.exe delete $serviceName | Out-Null
  }
}
if ($Uninstall) {
  Remove-Item -LiteralPath $agentExe, $hostExe -Force -ErrorAction SilentlyContinue
  Write-Host "Steward agent removed; its state stays in $stateDir"
  return
}

if (-not (Test-Path -LiteralPath $Executable)) { throw "No agent executable at $Executable (-Executable PATH)." }
New-Item -ItemType Directory -Force -Path $programDir, $stateDir | Out-Null
Copy-Item -LiteralPath $Executable -Destination $agentExe -Force

# The state folder holds the enrolment secret and the agent's token: SYSTEM and administrators only.
& icacls.exe $stateDir /inheritance:r /grant:r 'SYSTEM:(OI)(CI)F' 'Administrators:(OI)(CI)F' | Out-Null

if ($Server -or -not (Test-Path -LiteralPath $config)) {
  if (-not $Server -or -not $EnrollSecret) { throw '-Server and -EnrollSecret are needed for a first install.' }
  $settings = [ordered]@{ server = $Server; enrollSecret = $EnrollSecret; logFile = (Join-Path $stateDir 'agent.log') }
  [IO.File]::WriteAllText($config, ($settings | ConvertTo-Json), (New-Object Text.UTF8Encoding($false)))
}

$hostSource = @'
using System;
using System.Diagnostics;
using System.IO;
using System.ServiceProcess;
using System.Threading;

public class StewardAgentService : ServiceBase {
  private readonly string agent;
  private readonly string arguments;
  private readonly ManualResetEvent stopping = new ManualResetEvent(false);
  private Process child;
  private Thread runner;

  public StewardAgentService(string agent, string arguments) {
    ServiceName = "StewardAgent";
    CanStop = true;
    CanShutdown = true;
    this.agent = agent;
    this.arguments = arguments;
  }

  protected override void OnStart(string[] args) {
    stopping.Reset();
    runner = new Thread(Run);
    runner.IsBackground = true;
    runner.Start();
  }

  private void Run() {
    while (!stopping.WaitOne(0)) {
      try {
        ProcessStartInfo start = new ProcessStartInfo(agent, arguments);
        start.UseShellExecute = false;
        start.CreateNoWindow = true;
        start.WindowStyle = ProcessWindowStyle.Hidden;
        child = Process.Start(start);
        child.PriorityClass = ProcessPriorityClass.Idle;
        child.WaitForExit();
      } catch (Exception error) {
        try {
          EventLog.WriteEntry("StewardAgent", error.Message, EventLogEntryType.Warning);
        } catch (Exception) {
          // Without an event log the service still keeps trying.
        }
      }
      // An agent that stopped by itself is started again, after a pause.
      stopping.WaitOne(30000);
    }
  }

  protected override void OnStop() {
    stopping.Set();
    try {
      if (child != null && !child.HasExited) child.Kill();
    } catch (InvalidOperationException) {
      // Already gone.
    }
  }

  protected override void OnShutdown() {
    OnStop();
  }

  public static void Main(string[] args) {
    string dir = Path.GetDirectoryName(System.Reflection.Assembly.GetExecutingAssembly().Location);
    string agent = Path.Combine(dir, "steward-agent.exe");
    string arguments = args.Length > 0 ? "--config \"" + args[0] + "\"" : "";
    ServiceBase.Run(new StewardAgentService(agent, arguments));
  }
}
'@
Remove-Item -LiteralPath $hostExe -Force -ErrorAction SilentlyContinue
Add-Type -TypeDefinition $hostSource -Language CSharp -ReferencedAssemblies 'System.ServiceProcess' -OutputAssembly $hostExe -OutputType WindowsApplication

if (-not (Get-Service -Name $serviceName -ErrorAction SilentlyContinue)) {
  New-Service -Name $serviceName -BinaryPathName "`"$hostExe`" `"$config`"" -DisplayName 'Steward inventory agent' `
    -Description 'Reports this computer''s hardware and installed software to the Steward collector.' -StartupType Automatic | Out-Null
}
# Restarted by Windows too, should the host itself stop: after 30 s, then every minute.
& sc.exe failure $serviceName reset= 86400 actions= restart/30000/restart/60000/restart/60000 | Out-Null
Start-Service -Name $serviceName
Write-Host "Steward agent $(& $agentExe --version) installed as the $serviceName service; log: $(Join-Path $stateDir 'agent.log')"
