import { useEffect } from 'preact/hooks';
import { PageHeader } from '../../components/page-header.js';
import { RegisterNav } from './register-nav.js';

const MERGE = '“Merge into…” folds a duplicate into the record you keep: the confirmation says how many references move, then everything that referred to the duplicate refers to the kept record and the duplicate is deleted.';

const TOPICS: readonly { id: string; title: string; text: string[] }[] = [
  { id: 'assets', title: 'Assets list', text: [
    '“Register an asset” opens the form. Type the tag printed on a sticker, or leave the tag empty and the register numbers the asset from its tag pattern.',
    'Tick assets to change their status, set their location or department, check them out or in, or print their labels together. A change is all or nothing: if any selected asset cannot take it, nothing changes and each refused asset is listed with the reason. “Export CSV” downloads the list as filtered.',
    '“Import CSV” reads a file from Steward, Snipe-IT or GLPI: recognised columns are mapped for you, choose the field of the others, check the first rows and the errors named on their rows, then import.',
  ] },
  { id: 'asset', title: 'An asset', text: [
    'Edit changes its details; Clone registers another item of the same kind (its own tag and serial). Delete is offered only for a mistaken entry (requested, approved or in stock, not checked out): real assets leave through Retired and Disposed.',
    'Disposal asks for the data-sanitisation record; attach its certificate as a file. Files (PDF, images, text, up to 10 MiB) are kept in the database with the asset.',
    'Book value comes from the asset’s depreciation, or its model’s or category’s.',
  ] },
  { id: 'checkouts', title: 'Check-outs', text: [
    'Check an asset out to a person, a location or another asset from its page, with the date it is due back. Past that date it is listed here as overdue and the overdue check-out alert can fire.',
    'At the shelf, type or scan a tag under “Asset tag to check out or in”, or press “Scan with the camera” and point the phone at the asset’s QR code or barcode: its page opens at the check-out form.',
    'Tick “Ask the person to accept” when checking out to a person: the link shown (copy it, or it goes by e-mail when the alerts’ mail relay is set up) lets them accept or decline with a note, without an account. It works once and expires after 14 days; the asset page offers a new one. “Awaiting acceptance” lists those not answered yet.',
    'With “Record where this phone is” ticked, each check-out made on a phone keeps the phone’s position: the asset page shows where it was last seen. Refusing the browser’s location request never stops a check-out.',
  ] },
  { id: 'audit', title: 'Audit round', text: [
    'Choose the location, start the round, then scan each tag: a barcode scanner or RFID reader that types as a keyboard fills the field and ends with Enter. Works on a phone.',
    '“Scan with the camera” reads an asset’s QR code or barcode with the phone’s camera and records it like a scanner would. An RFID reader’s exported list of read tags (a text file with one tag per line, or a CSV file with a tag or EPC column) is fed to the round with “RFID reader’s tag list”.',
    'With “Record where this phone is” ticked (remembered on this phone), each scan keeps the phone’s position, so each asset has a last-seen place and time on its page and in its history.',
    'The round lists what is still to find, what was found but recorded elsewhere, and unknown tags. Closing may move the assets found to this location.',
  ] },
  { id: 'people', title: 'People', text: ['People hold assets. Editing a person shows what they hold. A person who holds something cannot be deleted until it is checked in.', MERGE] },
  { id: 'departments', title: 'Departments', text: ['Departments may sit within others; a department in use by assets or people cannot be deleted, and the refusal says why.', MERGE] },
  { id: 'locations', title: 'Locations', text: ['Locations nest: site, building, floor, room. A location in use cannot be deleted.', `${MERGE} A location cannot be merged into one within it.`] },
  { id: 'vendors', title: 'Vendors', text: ['Who the organisation buys from; assets and contracts refer to them.', MERGE] },
  { id: 'manufacturers', title: 'Manufacturers', text: ['Who makes the models.', MERGE] },
  { id: 'models', title: 'Models', text: ['A model’s life span sets an asset’s end of life; its depreciation applies to its assets.', MERGE] },
  { id: 'categories', title: 'Categories', text: ['Each category may add its own fields (text, number, date, yes/no, one of a list), required or not; the asset form shows them.', `${MERGE} The kept category takes the other’s custom fields (not required); two fields of one key and different types stop the merge.`] },
];

/** Help for each register screen; each screen's Help link opens its section. */
export function RegisterHelp() {
  const topic = new URLSearchParams(window.location.search).get('topic');
  useEffect(() => {
    const section = topic ? document.getElementById(topic) : null;
    section?.scrollIntoView();
  }, [topic]);
  return (
    <>
      <PageHeader title="Register help" subtitle="What each register screen does, and how." />
      <RegisterNav current="/register/help" />
      <div class="card help-page">
        {TOPICS.map((entry) => (
          <section key={entry.id} id={entry.id} aria-labelledby={`help-${entry.id}`} class={entry.id === topic ? 'help-current' : undefined}>
            <h2 id={`help-${entry.id}`} class="card-title">{entry.title}</h2>
            {entry.text.map((p) => <p key={p}>{p}</p>)}
          </section>
        ))}
      </div>
    </>
  );
}
