/**
 * A product's position reads, of each of its installs, the device, release, edition and when it
 * was first seen. Its installs lie scattered over the whole table (rows are written device by
 * device), so reading them through an index on the product alone visited nearly every page of it:
 * for a product on 70,000 of 100,000 devices, 18,000 pages. With those columns in the index the
 * installs are read from the index alone, and the index on the product alone is not needed.
 */
export const sql = /* sql */ `
create index licence_installs_by_product on licence_installs (product_id) include (device_id, release_key, edition, first_seen);
drop index licence_installs_product;
`;
