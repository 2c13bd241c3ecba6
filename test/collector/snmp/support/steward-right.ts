import type { ComparedField } from '../../../../collector/src/snmp/recorded/reference-agreement.js';

/**
 * Disagreements with the reference where the recording shows Steward right: the OID named holds
 * the value Steward gave (the test reads it from the recording), and `why` says why that object,
 * not the reference's value, identifies the device.
 */
export interface StewardRight {
  recording: string;
  field: Exclude<ComparedField, 'vendor'>;
  oid: string;
  why: string;
}

export const STEWARD_RIGHT: StewardRight[] = [
  { recording: 'adva-aos_sh1r', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1', why: "entPhysicalModelName of the chassis row states this part number as the model" },
  { recording: 'adva-aos_tsh1r2', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1', why: "entPhysicalModelName of the chassis row states this part number as the model" },
  { recording: 'adva_fsp150_ge112', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1', why: "entPhysicalModelName of the chassis row states this part number as the model" },
  { recording: 'adva_fsp150_xg116pro', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1', why: "entPhysicalModelName of the chassis row states this part number as the model" },
  { recording: 'adva_fsp150_xg116proh', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1', why: "entPhysicalModelName of the chassis row states this part number as the model" },
  { recording: 'apc', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr's MN: field names the device's model where the reference gives the card's generic name" },
  { recording: 'apc_airfm', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr's MN: field names the device's model where the reference gives the card's generic name" },
  { recording: 'apc_ap8853', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr's MN: field names the device's model where the reference gives the card's generic name" },
  { recording: 'apc_emu', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr's MN: field names the device's model where the reference gives the card's generic name" },
  { recording: 'apc_environmental-manager', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr's MN: field names the device's model where the reference gives the card's generic name" },
  { recording: 'apc_inrow-dx', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr's MN: field names the unit's model number where the reference gives its product line" },
  { recording: 'apc_metered-rack', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr's MN: field names the PDU's model number where the reference gives its product line" },
  { recording: 'apc_uniflair-sp', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr's MN: field names the unit's model number where the reference gives its product line" },
  { recording: 'apc_embedded-powernet', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr's MOD: field names the agent's hardware model where the reference gives the agent's generic name" },
  { recording: 'apc_masterswitch2', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr's MN: field names the device's model where the reference gives the card's generic name" },
  { recording: 'arubaos-cx', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1', why: "entPhysicalModelName of the chassis row states this product number" },
  { recording: 'arubaos-cx_10.06', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1', why: "entPhysicalModelName of the chassis row states this product number" },
  { recording: 'arubaos-cx_10.07', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1', why: "entPhysicalModelName of the chassis row states this product number" },
  { recording: 'arubaos-cx_8360', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1', why: "entPhysicalModelName of the chassis row states this product number" },
  { recording: 'arubaos-cx_10.16', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr names the switch's product number and model; the reference gives the stack row's generic description" },
  { recording: 'arubaos-cx_100gb', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr names the switch's product number and model; the reference gives the chassis row's port description" },
  { recording: 'ciena-waveserver', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1', why: "entPhysicalModelName of the chassis row states this part number" },
  { recording: 'ciscosb_sg350x-24p', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.67109120', why: "entPhysicalModelName of the chassis row states the full product ID" },
  { recording: 'ciscosb_sg550x-8f8t', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.67109120', why: "entPhysicalModelName of the chassis row states the full product ID" },
  { recording: 'ciscosb_sx550x-24f', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.67109120', why: "entPhysicalModelName of the chassis row states the full product ID" },
  { recording: 'ciscospa_spa112-1', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr names the model where the reference shows only the sysObjectID's MIB name" },
  { recording: 'ciscospa_spa112', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr names the model where the reference shows only the sysObjectID's MIB name" },
  { recording: 'cumulus_bgp', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1', why: "entPhysicalModelName of the chassis row states this model" },
  { recording: 'cumulus_edgecore-as4610-54p', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1', why: "entPhysicalModelName of the chassis row states this part number; the reference gives the row's description" },
  { recording: 'comware', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1', why: "entPhysicalModelName of the chassis row (class chassis) names this chassis; the reference took the switch sysDescr names, and the walk's chassis and module rows are those of a 10500 chassis" },
  { recording: 'datacom', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr is the model code" },
  { recording: 'dcn-software_s5750e', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr names the switch model; the reference holds the hardware version object (1.0.1)" },
  { recording: 'edgeswitch_us-8-v2', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1', why: "entPhysicalModelName of the chassis row states this model" },
  { recording: 'edgeswitch_us-8', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1', why: "entPhysicalModelName of the chassis row states this model" },
  { recording: 'ericsson-6600_6600', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1', why: "entPhysicalModelName of the chassis row states this product number" },
  { recording: 'ericsson-tn_tn', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1', why: "entPhysicalModelName of the chassis row states this product number" },
  { recording: 'esphome_esp32', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr names the board the firmware was built for; the reference gives the chip's model and revision" },
  { recording: 'esphome_esp8266', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr names the board the firmware was built for; the reference gives the chip's core version as a model" },
  { recording: 'fabos', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1', why: "entPhysicalModelName of the chassis row states this part number" },
  { recording: 'fabos_6520', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1', why: "entPhysicalModelName of the chassis row states this part number" },
  { recording: 'fortigate', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.7.1', why: "the chassis row names the model the device reports (FGT_ model code)" },
  { recording: 'fortigate_1500d', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.7.1', why: "the chassis row names the model the device reports (FGT_ model code)" },
  { recording: 'fortigate_500d', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.7.1', why: "the chassis row names the model the device reports (FGT_ model code)" },
  { recording: 'fortigate_60f3g4g', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.7.1', why: "the chassis row names the model the device reports (FGT_ model code)" },
  { recording: 'fortigate_60fospfv3', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.7.1', why: "the chassis row names the model the device reports (FGT_ model code)" },
  { recording: 'fortigate_cluster-60f', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1', why: "the chassis row names the model the device reports (FGT_ model code)" },
  { recording: 'fortigate_fwf60d', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.7.1', why: "the chassis row names the model the device reports (FGT_ model code)" },
  { recording: 'fortigate_vm01', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1', why: "the chassis row names the model the device reports (FGT_ model code)" },
  { recording: 'fortigate_webfilter', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.7.1', why: "the chassis row names the model the device reports (FGT_ model code)" },
  { recording: 'fortiweb', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.7.1', why: "the chassis row names the model the device reports" },
  { recording: 'gepulsar', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr is the model code" },
  { recording: 'grandstream-sw', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr is the model code (the reference value was withheld)" },
  { recording: 'hiveos-wireless', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr names the access point model" },
  { recording: 'iosxe_c9400-svl', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.2', why: "entPhysicalModelName of the chassis names the chassis; the reference took a line card" },
  { recording: 'iosxe_c9600-svl', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.2', why: "entPhysicalModelName of the chassis names the chassis; the reference took a line card" },
  { recording: 'iosxe_c9600x-svl', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.2', why: "entPhysicalModelName of the chassis names the chassis; the reference took a line card" },
  { recording: 'iosxr_asr9001', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.24555730', why: "entPhysicalModelName of the chassis names the chassis model; the reference names the series" },
  { recording: 'iosxr_asr9010', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.24555730', why: "entPhysicalModelName of the chassis names the chassis model; the reference names the series" },
  { recording: 'ironware_stack-temp', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr names the switch model; the reference shows the sysObjectID's MIB name" },
  { recording: 'linksys-ss_lgs318p', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.67108992', why: "entPhysicalModelName of the chassis row states this model" },
  { recording: 'moxa-etherdevice_pt-7528-tx', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr is the full model code" },
  { recording: 'ocnos', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr's Hardware Model field states this model" },
  { recording: 'ocnos_as5916-54x', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr's Hardware Model field states this model" },
  { recording: 'ocnos_as7712-32x', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr's Hardware Model field states this model" },
  { recording: 'ocnos_s9502-12sm-8', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr's Hardware Model field states this model" },
  { recording: 'ocnos_s9510-28dc', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr's Hardware Model field states this model" },
  { recording: 'ocnos_s9600-32x', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr's Hardware Model field states this model" },
  { recording: 'ocnos_s9610-36d', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr's Hardware Model field states this model" },
  { recording: 'opengear_cm71xx', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr names the exact model where the reference names the family" },
  { recording: 'opengear_im72xx', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr names the exact model where the reference names the family" },
  { recording: 'opengear_cm81xx', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr names the exact model where the reference names the family" },
  { recording: 'packetlight_pl-1000il', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1001', why: "entPhysicalModelName of the chassis row states this model" },
  { recording: 'snr', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1', why: "entPhysicalModelName of the chassis row states this model; the reference holds a version" },
  { recording: 'timos', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr names the platform" },
  { recording: 'pandacom_4', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.2.1', why: "the first ENTITY-MIB row describes the carrier chassis; the reference holds a slot number" },
  { recording: 'rutos-rutx_rutx11', field: 'model', oid: '1.3.6.1.4.1.48690.1.3.0', why: "Teltonika's product code object; the reference holds the router's user-set name" },
  { recording: 'rutos-rutx_trb500', field: 'model', oid: '1.3.6.1.4.1.48690.1.3.0', why: "Teltonika's product code object; the reference holds the router's user-set name" },
  { recording: 'teldat', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1', why: "entPhysicalModelName of the chassis row states this model; the reference holds a numeric code" },
  { recording: 'teldat_teldatm1', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr states 'Router model M1'; the reference holds a numeric code" },
  { recording: 'topvision', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr names the CMTS model before its hardware version; the reference holds the hardware version" },
  { recording: 'venturi', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr names the product; the reference holds hex bytes of another object" },
  { recording: 'rittal-cmc', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr names the unit before its serial; the reference holds the hardware version (HW V3.20)" },
  { recording: 'ssu2000', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr names the synchronization unit; the reference names its communication module" },
  { recording: 'iosxe_c9200l', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.2.1000', why: "the chassis row of the stack member describes the switch model; the reference names the stack" },
  { recording: 'iosxe_c9400-svl', field: 'serial', oid: '1.3.6.1.2.1.47.1.1.1.1.11.2', why: "entPhysicalSerialNum of the chassis row (class chassis); the reference took a line card's" },
  { recording: 'iosxe_c9500x-svl', field: 'serial', oid: '1.3.6.1.2.1.47.1.1.1.1.11.2', why: "entPhysicalSerialNum of the chassis row (class chassis); the reference took a module's" },
  { recording: 'iosxe_c9600-svl', field: 'serial', oid: '1.3.6.1.2.1.47.1.1.1.1.11.2', why: "entPhysicalSerialNum of the chassis row (class chassis); the reference took a line card's" },
  { recording: 'iosxe_c9600x-svl', field: 'serial', oid: '1.3.6.1.2.1.47.1.1.1.1.11.2', why: "entPhysicalSerialNum of the chassis row (class chassis); the reference took a line card's" },
  { recording: 'iosxr_ncs540', field: 'serial', oid: '1.3.6.1.2.1.47.1.1.1.1.11.8384513', why: "entPhysicalSerialNum of the chassis row (class chassis); the reference took a module row's" },
  { recording: 'comware', field: 'serial', oid: '1.3.6.1.2.1.47.1.1.1.1.11.1', why: "entPhysicalSerialNum of the chassis row (class chassis); the reference took the manufacturing serial H3C's entity extension states for the same row" },
  { recording: 'iosxr_ncs55a2', field: 'serial', oid: '1.3.6.1.2.1.47.1.1.1.1.11.8384513', why: "entPhysicalSerialNum of the fixed base chassis row; the reference took the route processor card's" },
  { recording: 'alaxala_ax2430s', field: 'version', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr states 'Switching software Ver. 11.1.C'; the reference holds 'SW', no version" },
  { recording: 'alaxala_ax3640s', field: 'version', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr states 'Switching software Ver. 11.7.A'; the reference holds 'SW', no version" },
  { recording: 'onefs', field: 'version', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr states 'Isilon OneFS v7.1.1.8'; the reference holds the host name" },
  { recording: 'rutos', field: 'version', oid: '1.3.6.1.4.1.48690.2.14.0', why: "Teltonika's firmware version object; the reference holds the Linux kernel's version" },
  { recording: 'ucos_2', field: 'os', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr states Cisco NX-OS, the software of this UCS fabric interconnect; the reference files it under Cisco's UC appliances" },
  { recording: 'edgecos_dcs203', field: 'os', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr states the switch runs SONiC; the reference names the maker's family" },
  { recording: 'procurve_200', field: 'os', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr states Aruba Instant On firmware (InstantOn_1930_...), not ProCurve software" },
  { recording: 'aos-emu2_ap9320', field: 'version', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr's PF: field is the AOS version; the reference holds the application module's (AF1:)" },
  { recording: 'apc_ats', field: 'version', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr's PF: field and its AOS file name (apc_hw05_aos_646.bin) state this AOS version; the reference took a module table that disagrees with both" },
  { recording: 'apc_environmental-manager', field: 'version', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr's PF: field and its AOS file name (apc_hw03_aos_359.bin) state this AOS version; the reference took a module table that disagrees with both" },
  { recording: 'powerwalker-vfi_20kcpgpf133', field: 'version', oid: '1.3.6.1.4.1.21111.1.1.1.6.0', why: "the card's firmware version object states the whole version; the reference drops its '.S1' suffix" },
  { recording: 'fabos_trans', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.2.1', why: "the top ENTITY-MIB row's description names the switch (a Brocade G720); the reference gives a generic name every Fabric OS switch's shared sysObjectID maps to" },
  { recording: 'transition', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr names the switch model; the reference holds lldpLocSysName, the name the switch was given" },
  { recording: 'istars', field: 'version', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr states software version 4.25 (iStars_SWV4.25); the reference appends a release the recording does not hold" },
  { recording: 'linux_xcp-ng', field: 'os', oid: '1.3.6.1.4.1.8072.1.3.2.3.1.1.6.100.105.115.116.114.111', why: "the snmpd 'distro' extend states the distribution, XCP-ng 8.3.0; the reference names only the kernel's family" },
  { recording: 'linux_xcp-ng', field: 'version', oid: '1.3.6.1.4.1.8072.1.3.2.3.1.1.6.100.105.115.116.114.111', why: "the snmpd 'distro' extend states the distribution's release, 8.3.0; the reference holds the Linux kernel's version (kept apart as the kernel)" },
  { recording: 'mobileiron_core', field: 'version', oid: '1.3.6.1.2.1.25.6.3.1.2.143', why: "the installed mi-buildinfo package states the MobileIron release; the reference holds the Linux kernel's version (kept apart as the kernel)" },
  { recording: 'mobileiron_sentry', field: 'version', oid: '1.3.6.1.2.1.25.6.3.1.2.143', why: "the installed mi-buildinfo package states the MobileIron release; the reference holds the Linux kernel's version (kept apart as the kernel)" },
  { recording: 'junos', field: 'version', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr states the JUNOS release the agent runs (12.3X48-D35.7 on the srx100h2); the reference took a virtual-chassis member's software version from another table" },
  { recording: 'junos_qfx5130-evo-22.2r3-s1-j4.1-1', field: 'version', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr states the running release, JUNOS 22.2R3-S1.3-EVO; the reference took the name of an install package" },
  { recording: 'recoveryos', field: 'version', oid: '1.3.6.1.4.1.2021.7890.1.3.1.1.6.100.105.115.116.114.111', why: "the snmpd 'distro' extend (under UCD's extensible subtree) states the distribution's release, RecoveryOS 7; the reference holds the Linux kernel's version (kept apart as the kernel)" },
  { recording: 'linux_ntc', field: 'os', oid: '1.3.6.1.4.1.2021.7890.1.3.1.1.6.100.105.115.116.114.111', why: "the snmpd 'distro' extend states the distribution, CentOS 7.4.1708; the reference names only the kernel's family" },
  { recording: 'linux_ntc', field: 'version', oid: '1.3.6.1.4.1.2021.7890.1.3.1.1.6.100.105.115.116.114.111', why: "the snmpd 'distro' extend states the distribution's release, 7.4.1708; the reference holds the Linux kernel's version (kept apart as the kernel)" },
  { recording: 'axiscam_p1375', field: 'serial', oid: '1.3.6.1.2.1.2.2.1.6.2', why: "Axis prints the unit's MAC address as its serial number, twelve hex digits; the reference writes the same address with each octet's leading zero dropped (b8:a4:4f:2:fe:1)" },
  { recording: 'beagleboard', field: 'os', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr states Linux; the reference names the board family (BeagleBoard), not an operating system" },
  { recording: 'supermicro-bmc_x10slehf', field: 'os', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr states the BMC runs Linux; the reference names the product (a Supermicro BMC), not an operating system" },
  { recording: 'supermicro-bmc_x11', field: 'os', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr states the BMC runs Linux; the reference names the product (a Supermicro BMC), not an operating system" },
  { recording: 'wti-power', field: 'os', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr states Linux; the reference names the maker's product line (WTI power switches), not an operating system" },
  { recording: 'marathonups', field: 'os', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr states Linux; the reference names the product (a UPS), not an operating system" },
  { recording: 'ird', field: 'os', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr states Linux; the reference names the kind of device (an integrated receiver/decoder), not an operating system" },
  { recording: 'osag', field: 'os', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr states Linux (an osix-built kernel); the reference names the maker, Open Systems AG, not an operating system" },
  { recording: 'wis-bridge', field: 'os', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr states Linux; the reference names the product (a wireless bridge), not an operating system" },
];

/**
 * Recordings whose reference model names the processor, not the device: the instruction set the
 * sysDescr states ("Generic x86 64-bit" for x86_64, "AMD x64" for Windows' AMD64), the description of a
 * row HOST-RESOURCES types as a processor, or a text the device states that calls itself a processor.
 * Steward, rightly, gives no model there; the test reads the recording to show the reference is the
 * processor (support/processor-reference.ts).
 */
export const REFERENCE_IS_PROCESSOR: string[] = [
  'coreos', 'f5os_f5os', 'ird', 'windows_3790s', 'linux', 'linux_asterisk-v1', 'linux_certificate-v1', 'linux_chronyd', 'linux_docker-v1',
  'linux_docker-v2', 'linux_fail2ban-legacy', 'linux_fail2ban-v1', 'linux_fbsd-nfs-client-legacy',
  'linux_fbsd-nfs-client-v1', 'linux_fbsd-nfs-server-legacy', 'linux_fbsd-nfs-server-v1', 'linux_freeradius',
  'linux_icecast', 'linux_linux_config_files-v1', 'linux_mailcow-dockerized-v1', 'linux_ntc',
  'linux_ntp-client-legacy', 'linux_ntp-client-v1', 'linux_opensearch-v1', 'linux_opensips', 'linux_portactivity-v1',
  'linux_powerdns-legacy', 'linux_powerdns-v1', 'linux_powermon', 'linux_pwrstatd-v1', 'linux_raspberrypi',
  'linux_seafile-v1', 'linux_ss-v1', 'linux_supervisord-v1', 'linux_suricata-v1', 'linux_systemd-v1',
  'linux_ups-apcups-legacy', 'linux_ups-apcups-v1', 'linux_ups-nut', 'linux_wireguard-v1', 'linux_xcp-ng',
  'linux_zfs-legacy', 'linux_zfs-v1-compressed', 'linux_zfs-v1', 'mobileiron_core', 'mobileiron_sentry', 'nutanix-aos',
  'openbsd_1', 'opnsense', 'opnsense_1', 'opnsense_vm', 'pfsense_frr-bgp', 'recoveryos_8024s', 'rubrik', 'rutos',
  'truenas-scale_24.04.2.2', 'truenas_11-3', 'windows_1057c', 'windows_1381s', 'windows_2600c', 'windows_6002c',
  'windows_7600c', 'windows_7600s', 'windows_9600d',
];

/**
 * Recordings whose reference serial is the value of snmpSetSerialNo (SNMPv2-MIB, 1.3.6.1.6.3.1.1.6.1.0):
 * an advisory lock that managers increment to coordinate SETs, not a serial number of the device.
 * Steward, rightly, does not give it; the test reads the recording to show the reference is that lock.
 */
export const SNMP_SET_SERIAL_NO = '1.3.6.1.6.3.1.1.6.1.0';
export const REFERENCE_SERIAL_IS_SET_LOCK: string[] = ['arista-mos_metamux48', 'endrun', 'endrun_meridian2', 'endrun_sonoma', 'endrun_tempus'];
