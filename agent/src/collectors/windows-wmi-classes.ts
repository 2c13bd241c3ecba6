import type { WmiQuery } from './wmi-query.js';

/** Read by both the hardware and OS collectors. */
export const COMPUTER_SYSTEM_QUERY: WmiQuery = {
  className: 'Win32_ComputerSystem',
  properties: ['Manufacturer', 'Model', 'SystemSKUNumber', 'TotalPhysicalMemory', 'HypervisorPresent', 'PartOfDomain', 'Domain', 'Workgroup', 'UserName'],
};

/** The WMI classes and properties the Windows collectors read; wmic and PowerShell are asked for these alone. */
export const WINDOWS_HARDWARE_CLASSES: WmiQuery[] = [
  { className: 'Win32_Processor', properties: ['Architecture', 'Manufacturer', 'Name', 'NumberOfCores', 'NumberOfLogicalProcessors', 'MaxClockSpeed', 'Description', 'L3CacheSize'] },
  { className: 'Win32_PhysicalMemory', properties: ['BankLabel', 'DeviceLocator', 'Capacity', 'MemoryType', 'SMBIOSMemoryType', 'Speed', 'ConfiguredClockSpeed', 'Manufacturer', 'SerialNumber', 'PartNumber'] },
  { className: 'Win32_DiskDrive', properties: ['DeviceID', 'Model', 'SerialNumber', 'Size', 'InterfaceType', 'Status'] },
  { className: 'Win32_Bios', properties: ['Manufacturer', 'SMBIOSBIOSVersion', 'Version', 'ReleaseDate', 'SerialNumber'] },
  COMPUTER_SYSTEM_QUERY,
  { className: 'Win32_ComputerSystemProduct', properties: ['UUID', 'IdentifyingNumber'] },
  { className: 'Win32_BaseBoard', properties: ['Manufacturer', 'Product', 'SerialNumber'] },
  { className: 'Win32_NetworkAdapterConfiguration', properties: ['Index', 'Description', 'MACAddress', 'IPAddress', 'IPSubnet', 'DefaultIPGateway', 'ServiceName'] },
  { className: 'Win32_NetworkAdapter', properties: ['DeviceID', 'NetConnectionStatus', 'PhysicalAdapter', 'Speed'] },
  { className: 'Win32_LogicalDisk', properties: ['DeviceID', 'DriveType', 'FileSystem', 'Size', 'FreeSpace', 'VolumeName', 'VolumeSerialNumber', 'ProviderName'] },
  { className: 'Win32_Volume', properties: ['Name', 'DriveLetter', 'FileSystem', 'Capacity', 'FreeSpace', 'Label', 'SerialNumber'] },
  { className: 'Win32_VideoController', properties: ['Name', 'AdapterCompatibility', 'AdapterRAM'] },
  { className: 'WmiMonitorID', namespace: 'root/wmi', properties: ['ManufacturerName', 'UserFriendlyName', 'ProductCodeID', 'SerialNumberID', 'YearOfManufacture'] },
];

/** Read by both the OS (Windows activation) and software (Office licences) collectors: one definition, one query. */
export const LICENSING_QUERY: WmiQuery = {
  className: 'SoftwareLicensingProduct',
  properties: ['ID', 'ApplicationID', 'Name', 'Description', 'PartialProductKey', 'LicenseStatus', 'ProductKeyChannel', 'ProductKeyID', 'ProductKeyID2'],
};

export const WINDOWS_OS_CLASSES: WmiQuery[] = [
  { className: 'Win32_OperatingSystem', properties: ['Caption', 'Version', 'BuildNumber', 'ServicePackMajorVersion', 'OSArchitecture', 'InstallDate', 'SerialNumber', 'RegisteredUser'] },
  COMPUTER_SYSTEM_QUERY,
  { className: 'Win32_QuickFixEngineering', properties: ['HotFixID', 'Description', 'InstalledOn', 'ServicePackInEffect'] },
  { className: 'Win32_UserAccount', properties: ['Name', 'SID', 'FullName', 'Disabled', 'LocalAccount'] },
  { className: 'Win32_EncryptableVolume', namespace: 'root/CIMV2/Security/MicrosoftVolumeEncryption', properties: ['DeviceID', 'DriveLetter', 'EncryptionMethod', 'ProtectionStatus', 'ConversionStatus'] },
  { className: 'AntiVirusProduct', namespace: 'root/SecurityCenter2', properties: ['displayName', 'productState'] },
  LICENSING_QUERY,
];
