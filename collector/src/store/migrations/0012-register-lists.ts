/**
 * Asset lists filtered by category and sorted by name or purchase date: these indexes give the rows
 * of a category in the order of the sort, so a page reads its own rows and stops; the status, the
 * other usual filter, is checked in the index without visiting the table.
 */
export const sql = /* sql */ `
create index register_assets_category_name on register_assets (category_id, lower(name), status);
create index register_assets_category_purchased on register_assets (category_id, purchase_date, status);
`;
