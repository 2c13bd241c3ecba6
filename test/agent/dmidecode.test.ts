import { describe, expect, it } from 'vitest';
import { dmiHardware, parseDmidecode } from '../../agent/src/collectors/dmidecode.js';
import { hasRecorded, ownText, recordedText } from './fixture-files.js';

const read = (text: string) => dmiHardware(parseDmidecode(text));

describe('dmidecode', () => {
  it('drops the values firmware leaves unfilled and counts only populated sockets and slots', () => {
    const hw = read(ownText('dmidecode/desktop-oem.txt'));
    expect(hw.system).toEqual({});
    expect(hw.chassis).toEqual({ type: 'Desktop' });
    expect(hw.baseboard).toEqual({ manufacturer: 'ASUSTeK COMPUTER INC.', model: 'PRIME B450M-A', serial: '190436731902278' });
    expect(hw.bios).toEqual({ vendor: 'American Megatrends International, LLC.', version: '2803', releaseDate: '2022-04-27' });
    expect(hw.cpu).toEqual({
      manufacturer: 'Advanced Micro Devices, Inc.', brand: 'AMD Ryzen 5 3600 6-Core Processor', sockets: 1, cores: 6, threads: 12, speedGHz: 3.6,
    });
    expect(hw.memoryModules).toEqual([
      { slot: 'DIMM_A1', sizeBytes: 16 * 1024 ** 3, type: 'DDR4', speedMHz: 2666, manufacturer: 'Kingston', partNumber: 'KHX3200C16D4/16GX' },
      { slot: 'DIMM_B1', sizeBytes: 8192 * 1024 ** 2, type: 'DDR4', speedMHz: 3200, serial: '1A2B3C4D' },
    ]);
  });

  describe.skipIf(!hasRecorded)('recorded dmidecode outputs', () => {
    it('reads a Dell PowerEdge R640: two sockets, eight 32 GB modules', () => {
      const hw = read(recordedText('dmidecode/dell-r640'));
      expect(hw.system).toEqual({
        manufacturer: 'Dell Inc.', model: 'PowerEdge R640', serial: '2RJF153', uuid: '4c4c4544-0052-4a10-8046-b2c04f313533',
        sku: 'SKU=NotProvided;ModelName=PowerEdge R640',
      });
      expect(hw.chassis?.type).toBe('Rack Mount Chassis');
      expect(hw.cpu).toMatchObject({ brand: 'Intel(R) Xeon(R) Gold 6244 CPU @ 3.60GHz', sockets: 2, cores: 16, threads: 32 });
      expect(hw.memoryModules).toHaveLength(8);
      expect(hw.memoryModules[0]).toEqual({
        slot: 'A1', sizeBytes: 32 * 1024 ** 3, type: 'DDR4', speedMHz: 2933, manufacturer: '00CE00B300CE', serial: '3780385B', partNumber: 'M393A4K40CB2-CVF',
      });
    });

    it('reads an HP ProLiant, trimming the padded serial and SKU', () => {
      const hw = read(recordedText('dmidecode/hp-dl360-gen8'));
      expect(hw.system).toMatchObject({ manufacturer: 'HP', model: 'ProLiant DL360p Gen8', serial: 'USE2236835', sku: '654081-B21' });
      expect(hw.cpu).toMatchObject({ sockets: 2, cores: 12, threads: 24 });
      expect(hw.memoryModules.map((m) => m.slot)).toContain('PROC  1 DIMM  1');
      expect(hw.memoryModules.reduce((n, m) => n + (m.sizeBytes ?? 0), 0)).toBe(64 * 1024 ** 3);
    });

    it('reads a ThinkPad, a Surface without blank lines between structures, and two virtual machines', () => {
      expect(read(recordedText('dmidecode/lenovo-thinkpad')).system).toMatchObject({ manufacturer: 'LENOVO', model: '1298A8G', sku: 'ThinkPad Edge E320' });
      const surface = read(recordedText('dmidecode/surface-go-2'));
      expect(surface.system).toMatchObject({ model: 'Surface Go 2', serial: '48368130c2f8', uuid: '0e985de7-da00-4662-a18c-a957308c3ad7' });
      expect(surface.chassis).toEqual({ type: 'Laptop', manufacturer: 'Microsoft Corporation', serial: 'bb4b0be3-56a6' });
      expect(surface.bios.releaseDate).toBe('2020-02-07');
      const vmware = read(recordedText('dmidecode/vmware'));
      expect(vmware.system.model).toBe('VMware Virtual Platform');
      expect(vmware.chassis).toEqual({ type: 'Other' });
      expect(read(recordedText('dmidecode/windows-hyperV')).system).toMatchObject({ manufacturer: 'Microsoft Corporation', model: 'Virtual Machine' });
    });
  });
});
