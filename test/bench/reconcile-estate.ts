import type { Database } from '../../collector/src/store/database.js';
import { foldSoftwareCountChanges, vacuumSoftwareCountChanges } from '../../collector/src/store/software-counts.js';

/**
 * A synthetic estate for the reconciliation benchmark, generated inside PostgreSQL: devices with
 * hardware, OS and users; a pool of software titles (commercial ones the shipped rules recognise,
 * free ones, updates and unknown tools) dealt out to the devices; a register whose assets carry
 * most devices' serials, with people and departments.
 */

const YEARS = ['2016', '2019', '2021'];

/** Commercial titles: [name, publisher, version], in the forms Windows and macOS inventories report them. */
export function commercialTitles(): Array<[string, string, string]> {
  const t: Array<[string, string, string]> = [];
  const ms = 'Microsoft Corporation';
  for (const y of YEARS) {
    t.push([`Microsoft Office Professional Plus ${y}`, ms, '16.0.4266.1001'], [`Microsoft Office Standard ${y}`, ms, '16.0.4266.1001']);
    t.push([`Microsoft Visio Professional ${y}`, ms, '16.0.1'], [`Microsoft Visio Standard ${y}`, ms, '16.0.1']);
    t.push([`Microsoft Project Professional ${y}`, ms, '16.0.1']);
  }
  for (const y of ['2016', '2017', '2019', '2022']) t.push([`Microsoft SQL Server ${y} (64-bit)`, ms, '15.0.2000.5']);
  for (const y of ['2019', '2022']) t.push([`Visual Studio Professional ${y}`, ms, '17.8.3'], [`Visual Studio Enterprise ${y}`, ms, '17.8.3']);
  for (const y of ['2023', '2024']) {
    for (const app of ['Photoshop', 'Illustrator', 'InDesign', 'Premiere Pro', 'After Effects', 'Dreamweaver', 'Audition', 'Animate']) {
      t.push([`Adobe ${app} ${y}`, 'Adobe Inc.', `${y === '2023' ? 24 : 25}.1`]);
    }
  }
  t.push(['Adobe Acrobat DC (64-bit)', 'Adobe Inc.', '23.006.20360'], ['Adobe Acrobat 2020', 'Adobe Inc.', '20.005.30524'], ['Adobe Acrobat XI Pro', 'Adobe Systems', '11.0.23']);
  for (const y of ['2022', '2023', '2024']) {
    for (const app of ['AutoCAD', 'AutoCAD LT', 'Revit', 'Inventor Professional', '3ds Max', 'Maya', 'Civil 3D']) t.push([`${app} ${y}`, 'Autodesk', `${y}.1`]);
  }
  for (const ide of ['IntelliJ IDEA', 'PyCharm', 'WebStorm', 'PhpStorm', 'CLion', 'Rider', 'GoLand', 'DataGrip']) {
    for (const v of ['2023.2.5', '2023.3.2']) t.push([`${ide} ${v.slice(0, 6)}`, 'JetBrains s.r.o.', v]);
  }
  for (const u of ['281', '361', '391']) t.push([`Java 8 Update ${u} (64-bit)`, 'Oracle Corporation', `8.0.${u}`]);
  t.push(
    ['VMware Workstation Pro 17', 'VMware, Inc.', '17.5.0'], ['Parallels Desktop 18', 'Parallels International GmbH', '18.1.1'],
    ['WinZip 27.0', 'Corel Corporation', '27.0.15240'], ['WinRAR 6.23 (64-bit)', 'win.rar GmbH', '6.23.0'], ['TeamViewer 15', 'TeamViewer', '15.48.4'],
    ['Snagit 2023', 'TechSmith Corporation', '23.1.1'], ['Camtasia 2023', 'TechSmith Corporation', '23.3.1'], ['Foxit PDF Editor', 'Foxit Software Inc.', '12.1.2'],
    ['Nitro Pro', 'Nitro Software, Inc.', '14.10.0'], ['ABBYY FineReader 16', 'ABBYY', '16.0.14'], ['CorelDRAW Graphics Suite 2023', 'Corel Corporation', '24.5.0'],
    ['SOLIDWORKS 2023', 'Dassault Systemes SolidWorks Corp', '31.3.0'], ['MATLAB R2023a', 'MathWorks', '9.14'], ['IBM SPSS Statistics 29', 'IBM Corp.', '29.0.1'],
    ['Tableau Desktop 2023.2', 'Tableau Software', '23.2.1'], ['Symantec Endpoint Protection', 'Broadcom Inc.', '14.3.9'], ['ESET Endpoint Security', 'ESET, spol. s r.o.', '10.1.2'],
  );
  return t;
}

/** Titles that need no licence, are parts of something else, or are unknown. */
export function otherTitles(count: number): Array<[string, string, string, string]> {
  const t: Array<[string, string, string, string]> = [];
  for (let i = 0; t.length < count; i++) {
    switch (i % 6) {
      case 0: case 1: t.push([`lib-package-${i}`, '', `${1 + (i % 9)}.${i % 17}-${i % 5}`, 'dpkg']); break;
      case 2: t.push([`Update for Microsoft Office 2016 (KB${4_000_000 + i})`, 'Microsoft Corporation', '', 'registry']); break;
      case 3: t.push([['Mozilla Firefox', '7-Zip', 'Notepad++', 'VLC media player', 'Git'][i % 5]!, 'Open source', `${100 + (i % 40)}.0`, 'registry']); break;
      case 4: t.push([`Microsoft Visual C++ 2015-2022 Redistributable (x64) - 14.${i % 40}`, 'Microsoft Corporation', `14.${i % 40}`, 'registry']); break;
      default: t.push([`Vendor Tool ${i % 400}`, `Small Vendor ${i % 60}`, `${i % 12}.0`, 'registry']);
    }
  }
  return t;
}

export interface EstateSize {
  devices: number;
  installsPerDevice: number;
  commercialPerDevice: number;
  otherTitles: number;
}

/** Fills an empty, migrated database with the estate. */
export async function generateEstate(db: Database, size: EstateSize): Promise<{ titles: number }> {
  const commercial = commercialTitles();
  const others = otherTitles(size.otherTitles);
  await db.exec('create table bench_pool (idx integer primary key, source text, name text, publisher text, version text)');
  const pool = [
    ...commercial.map(([name, publisher, version], i) => ({ idx: i, source: 'registry', name, publisher, version })),
    ...others.map(([name, publisher, version, source], i) => ({ idx: commercial.length + i, source, name, publisher, version })),
  ];
  await db.query(
    `insert into bench_pool select * from json_to_recordset($1::json) as p(idx integer, source text, name text, publisher text, version text)`,
    [JSON.stringify(pool)],
  );
  await db.query(
    `insert into devices (id, kind, hostname, fqdn, hardware_uuid, serial_number, manufacturer, model, os_name, os_version, mac_addresses, hardware, os, first_seen, last_seen)
     select md5('device' || i)::uuid, 'agent', 'host-' || i, 'host-' || i || '.corp.example', md5('uuid' || i)::uuid::text,
            'SN' || lpad(i::text, 8, '0'), 'HP', 'EliteDesk 800 G6',
            case when i % 10 < 7 then (array['Microsoft Windows 11 Pro', 'Microsoft Windows 10 Pro', 'Microsoft Windows 11 Enterprise'])[1 + i % 3]
                 when i % 10 = 7 then (array['Microsoft Windows Server 2019 Datacenter', 'Microsoft Windows Server 2022 Standard'])[1 + i % 2]
                 else 'Ubuntu' end, '10.0',
            array['3c:52:82:' || substr(lpad(to_hex(i), 6, '0'), 1, 2) || ':' || substr(lpad(to_hex(i), 6, '0'), 3, 2) || ':' || substr(lpad(to_hex(i), 6, '0'), 5, 2)],
            jsonb_build_object('cpu', jsonb_build_object('cores', 4 * (1 + i % 4), 'sockets', case when i % 10 = 7 then 2 else 1 end)),
            jsonb_build_object('users', jsonb_build_object('lastLoggedOn', 'CORP\\user' || (i % ($1::int / 2)))),
            now() - interval '90 days' + make_interval(secs => i), now() - make_interval(secs => i % 3600)
       from generate_series(1, $1::int) i`,
    [size.devices],
  );
  const poolCommercial = commercial.length;
  // As reports store them: each title made when first reported, each row linked to its title.
  await db.query(
    `insert into software_titles (source, name, publisher, version, first_seen)
     select distinct source, name, publisher, version, now() - interval '90 days' from bench_pool
     on conflict do nothing`,
  );
  await db.exec('alter table bench_pool add column title_id bigint');
  await db.query(
    `update bench_pool p set title_id = t.id from software_titles t
      where t.source = p.source and t.name = p.name and t.publisher = p.publisher and t.version = p.version`,
  );
  await db.query(
    `insert into device_software (device_id, source, name, version, publisher, first_seen, title_id)
     select md5('device' || i)::uuid, p.source, p.name, nullif(p.version, ''), nullif(p.publisher, ''), now() - interval '90 days' + make_interval(secs => i + j), p.title_id
       from generate_series(1, $1::int) i
       cross join generate_series(1, $2::int) j
       join bench_pool p on p.idx = case when j <= $3::int then (i * 7 + j * 13) % $4::int
                                         else $4::int + (i * 31 + j * 17) % $5::int end`,
    [size.devices, size.installsPerDevice, size.commercialPerDevice, poolCommercial, others.length],
  );
  await db.query('update devices d set software_count = $1', [size.installsPerDevice]);
  // As a collector's fold would have done while the installs came in.
  while (await db.transaction((tx) => foldSoftwareCountChanges(tx, 500_000)) > 0);
  await vacuumSoftwareCountChanges(db);
  return { titles: pool.length };
}

/** Register: most devices' serials as assets, half of them assigned to people in twenty departments. */
export async function generateRegister(db: Database, devices: number): Promise<void> {
  await db.query(`insert into register_categories (id, name, kind) values (md5('cat')::uuid, 'Bench computers', 'hardware')`);
  await db.query(`insert into register_manufacturers (id, name) values (md5('hp')::uuid, 'HP Inc.')`);
  await db.query(`insert into register_models (id, name, category_id, manufacturer_id) values (md5('model')::uuid, 'EliteDesk 800 G6', md5('cat')::uuid, md5('hp')::uuid)`);
  await db.query(`insert into register_departments (id, name) select md5('dep' || k)::uuid, 'Department ' || k from generate_series(0, 19) k`);
  await db.query(
    `insert into register_people (id, name, username, department_id)
     select md5('person' || k)::uuid, 'User ' || k, 'user' || k, md5('dep' || (k % 20))::uuid from generate_series(0, $1::int / 2 - 1) k`,
    [devices],
  );
  await db.query(
    `insert into register_assets (id, tag, name, category_id, model_id, serial, status, department_id, assigned_type, assigned_id)
     select md5('asset' || i)::uuid, 'BENCH-' || i, 'Workstation ' || i, md5('cat')::uuid, md5('model')::uuid,
            'SN' || lpad(i::text, 8, '0'), 'deployed', md5('dep' || (i % 20))::uuid,
            case when i % 2 = 0 then 'person' end, case when i % 2 = 0 then md5('person' || (i % ($1::int / 2)))::uuid end
       from generate_series(1, $1::int) i where i % 10 <> 9`,
    [devices],
  );
}

/**
 * Entitlements spread over the products installed, most counted in the product's own metric,
 * some for named releases with downgrade rights, some site licences and some allocated to
 * departments; their quantities cover about 99 % of what is installed.
 */
export async function generateEntitlements(db: Database, count: number): Promise<void> {
  await db.query(
    `with products as (
       select li.product_id, c.default_metric, count(*) as installs, row_number() over (order by li.product_id) as n
         from licence_installs li join catalogue_products c on c.id = li.product_id group by li.product_id, c.default_metric
     ), per as (select count(*) as products from products)
     insert into entitlements (id, product_id, description, metric, quantity, release, release_key, downgrade_rights, term_start, term_end, unit_cost, currency, vendor, contract)
     select md5('ent' || k)::uuid, p.product_id, 'Bench entitlement ' || k,
            case when p.n % 17 = 0 and k % 50 = 0 then 'site' else p.default_metric end,
            case when p.n % 17 = 0 and k % 50 = 0 then null
                 else greatest(1, ceil(p.installs * (case when p.default_metric = 'core' then 16 else 1 end) * 0.99 / ceil($1::numeric / per.products)))::int end,
            null, null, k % 7 = 0, case when k % 11 = 0 then date '2024-01-01' end, case when k % 11 = 0 then date '2099-12-31' end,
            10 + k % 400, 'EUR', 'Vendor ' || (k % 25), 'C-' || (k % 300)
       from generate_series(0, $1::int - 1) k cross join per
       join products p on p.n = 1 + k % per.products`,
    [count],
  );
  await db.query(
    `insert into entitlement_allocations (id, entitlement_id, target_kind, target)
     select md5('alloc' || k)::uuid, md5('ent' || k)::uuid, 'department', 'Department ' || (k % 20)
       from generate_series(0, $1::int - 1) k where k % 10 = 3 and exists (select 1 from entitlements e where e.id = md5('ent' || k)::uuid)`,
    [count],
  );
}
