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
  { recording: 'apc_masterswitch2', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr's MN: field names the device's model where the reference gives the card's generic name" },
  { recording: 'arubaos-cx', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1', why: "entPhysicalModelName of the chassis row states this product number" },
  { recording: 'arubaos-cx_10.06', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1', why: "entPhysicalModelName of the chassis row states this product number" },
  { recording: 'arubaos-cx_10.07', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1', why: "entPhysicalModelName of the chassis row states this product number" },
  { recording: 'arubaos-cx_8360', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1', why: "entPhysicalModelName of the chassis row states this product number" },
  { recording: 'ciena-waveserver', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1', why: "entPhysicalModelName of the chassis row states this part number" },
  { recording: 'ciscosb_sg350x-24p', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.67109120', why: "entPhysicalModelName of the chassis row states the full product ID" },
  { recording: 'ciscosb_sg550x-8f8t', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.67109120', why: "entPhysicalModelName of the chassis row states the full product ID" },
  { recording: 'ciscosb_sx550x-24f', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.67109120', why: "entPhysicalModelName of the chassis row states the full product ID" },
  { recording: 'ciscospa_spa112-1', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr names the model where the reference shows only the sysObjectID's MIB name" },
  { recording: 'ciscospa_spa112', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr names the model where the reference shows only the sysObjectID's MIB name" },
  { recording: 'cumulus_bgp', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1', why: "entPhysicalModelName of the chassis row states this model" },
  { recording: 'datacom', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr is the model code" },
  { recording: 'edgeswitch_us-8-v2', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1', why: "entPhysicalModelName of the chassis row states this model" },
  { recording: 'edgeswitch_us-8', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1', why: "entPhysicalModelName of the chassis row states this model" },
  { recording: 'ericsson-6600_6600', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1', why: "entPhysicalModelName of the chassis row states this product number" },
  { recording: 'ericsson-tn_tn', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1', why: "entPhysicalModelName of the chassis row states this product number" },
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
  { recording: 'opengear_cm81xx', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr names the exact model where the reference names the family" },
  { recording: 'packetlight_pl-1000il', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1001', why: "entPhysicalModelName of the chassis row states this model" },
  { recording: 'procurve', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1001', why: "entPhysicalModelName of the stack member chassis states this product number where the reference says \"Stack\"" },
  { recording: 'snr', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.13.1', why: "entPhysicalModelName of the chassis row states this model; the reference holds a version" },
  { recording: 'timos', field: 'model', oid: '1.3.6.1.2.1.1.1.0', why: "sysDescr names the platform" },
  { recording: 'iosxe_c9200l', field: 'model', oid: '1.3.6.1.2.1.47.1.1.1.1.2.1000', why: "the chassis row of the stack member describes the switch model; the reference names the stack" },
];
