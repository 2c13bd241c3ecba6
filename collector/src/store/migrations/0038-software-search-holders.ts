/**
 * Estate-wide software search counts the devices holding each title it finds, and the holders list
 * pages through them: both read name, publisher, device and version of millions of installs. An
 * index over exactly those lets them be read from the index in name order, instead of a heap page
 * per install (the installs of one title are spread over the whole table, one device at a time).
 * It replaces the index on the name alone, which it serves as well.
 */
export const sql = /* sql */ `
create index device_software_holders on device_software (name, publisher, device_id) include (version);
drop index device_software_name;
`;
