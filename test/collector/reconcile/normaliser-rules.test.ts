import { describe, expect, it } from 'vitest';
import type { NormalisationRule, RawTitle } from '@steward/shared';
import { shippedCatalogue } from '../../../collector/src/reconcile/catalogue/shipped-catalogue.js';
import { compileRules } from '../../../collector/src/reconcile/normalise/compile-rules.js';
import { normaliseTitle } from '../../../collector/src/reconcile/normalise/normalise-title.js';

const { products, rules } = shippedCatalogue();
const shipped = compileRules(rules, products);
const normalise = (title: RawTitle) => normaliseTitle(title, shipped);

describe('shipped normalisation rules', () => {
  it('names commercial products with their edition and release, whatever the publisher is called', () => {
    expect(normalise({ source: 'registry', name: 'Microsoft Office Home & Business 2021 - en-us', publisher: 'Microsoft Corporation' }))
      .toMatchObject({ productId: 'microsoft-office', publisher: 'Microsoft', edition: 'Home and Business', release: '2021', licence: 'commercial' });
    expect(normalise({ source: 'os', name: 'Microsoft Windows Server 2022 Datacenter' })).toMatchObject({ productId: 'microsoft-windows-server', edition: 'Datacenter', release: '2022' });
    expect(normalise({ source: 'os', name: 'Microsoft Windows 10 Professional' })).toMatchObject({ productId: 'microsoft-windows', edition: 'Pro', release: '10' });
    expect(normalise({ source: 'rpm', name: 'mssql-server', version: '15.0.4153.1-1', publisher: 'Microsoft' })).toMatchObject({ productId: 'microsoft-sql-server', release: '2019' });
    expect(normalise({ source: 'rpm', name: 'jdk-17', version: '17.0.2-ga', publisher: 'Oracle Corporation' })).toMatchObject({ productId: 'oracle-java-se', release: '17' });
    expect(normalise({ source: 'snap', name: 'intellij-idea-ultimate', version: '2023.3.2', publisher: 'jetbrains' })).toMatchObject({ productId: 'jetbrains-intellij-idea', release: '2023.3' });
    expect(normalise({ source: 'app-bundle', name: 'Parallels Desktop', version: '19.1.0', publisher: 'Parallels International GmbH' })).toMatchObject({ productId: 'parallels-desktop', publisher: 'Parallels' });
    expect(normalise({ source: 'hrSWInstalled', name: 'JUNOS Routing Software Suite', version: '12.3R6.6' }).licence).toBe('component');
  });

  it('tells free editions, viewers and parts of products from the licensed ones', () => {
    expect(normalise({ source: 'msi', name: 'Microsoft SQL Server 2019 Express LocalDB' }).licence).not.toBe('commercial');
    expect(normalise({ source: 'registry', name: 'Microsoft Visual Studio Community 2022' }).licence).toBe('freeware');
    expect(normalise({ source: 'registry', name: 'Adobe Acrobat Reader DC', publisher: 'Adobe Systems Incorporated' }).productId).toBe('adobe-acrobat-reader');
    expect(normalise({ source: 'registry', name: 'Security Update for Microsoft Office 2016 (KB5002099) 64-Bit Edition' }).productId).toBe('microsoft-updates');
    expect(normalise({ source: 'registry', name: 'IntelliJ IDEA Community Edition 2023.2.1' }).licence).toBe('open-source');
    expect(normalise({ source: 'registry', name: 'Oracle VM VirtualBox 7.0.12' }).licence).toBe('open-source');
    expect(normalise({ source: 'registry', name: 'Oracle VM VirtualBox Extension Pack' }).licence).toBe('commercial');
  });

  it('treats distribution packages as open source unless a commercial rule says otherwise, and keeps unknown titles for triage', () => {
    expect(normalise({ source: 'dpkg', name: 'libssl3', version: '3.0.11-1' })).toMatchObject({ licence: 'open-source', product: 'libssl3' });
    expect(normalise({ source: 'rpm', name: 'oracle-database-ee-19c', version: '1.0-1', publisher: 'Oracle' }))
      .toMatchObject({ productId: 'oracle-database', edition: 'Enterprise Edition', release: '19c' });
    expect(normalise({ source: 'registry', name: 'Fabrikam Planner 7', publisher: 'Fabrikam' }))
      .toEqual({ licence: 'unrecognised', productId: null, publisher: 'Fabrikam', product: 'Fabrikam Planner 7', edition: null, release: null, ruleId: null, releaseKey: null });
  });

  it('lets a person’s rule placed before the defaults win, and a disabled rule stop applying', () => {
    const mine: NormalisationRule = {
      id: 'mine', position: 1, origin: 'user', kind: 'prefix', field: 'name', pattern: 'fabrikam planner',
      productId: 'winzip', enabled: true, release: '{versionMajor}',
    };
    const withMine = compileRules([...rules, mine], products);
    expect(normaliseTitle({ source: 'registry', name: 'Fabrikam  Planner 7', version: '7.2' }, withMine)).toMatchObject({ productId: 'winzip', release: '7', ruleId: 'mine' });
    const office = rules.find((r) => r.id === 'ms-office-suite')!;
    const withoutOffice = compileRules(rules.map((r) => (r.id === office.id ? { ...r, enabled: false } : r)), products);
    expect(normaliseTitle({ source: 'registry', name: 'Microsoft Office Standard 2019' }, withoutOffice).productId).not.toBe('microsoft-office');
  });
});
