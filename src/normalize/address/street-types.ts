import { dictionary } from '../data/dictionary.js';

/** Street-type words → one canonical abbreviation, so "tullaroop street" ≡ "Tullaroop St". */
export const STREET_TYPES: Readonly<Record<string, string>> = dictionary(Object.fromEntries(
  Object.entries({
    st: ['street', 'str', 'st'],
    rd: ['road', 'rd'],
    ave: ['avenue', 'ave', 'av', 'avenu'],
    dr: ['drive', 'dr', 'drv'],
    pl: ['place', 'pl'],
    ct: ['court', 'ct', 'crt'],
    cres: ['crescent', 'cres', 'cr', 'crs'],
    cct: ['circuit', 'cct'],
    cl: ['close', 'cl'],
    pde: ['parade', 'pde'],
    hwy: ['highway', 'hwy'],
    ln: ['lane', 'ln'],
    tce: ['terrace', 'tce', 'terr'],
    blvd: ['boulevard', 'blvd', 'bvd'],
    sq: ['square', 'sq'],
    way: ['way', 'wy'],
    gr: ['grove', 'gr', 'gve'],
    esp: ['esplanade', 'esp'],
    mews: ['mews'],
    pkwy: ['parkway', 'pkwy'],
    cir: ['circle', 'cir'],
    ter: ['terrace'],
  }).flatMap(([canonical, forms]) => forms.map((f) => [f, canonical])),
));

/** Australian and US state names → their codes. */
export const STATES: Readonly<Record<string, string>> = dictionary({
  'new south wales': 'nsw', nsw: 'nsw', victoria: 'vic', vic: 'vic', queensland: 'qld', qld: 'qld', 'western australia': 'wa', wa: 'wa',
  'south australia': 'sa', sa: 'sa', tasmania: 'tas', tas: 'tas', 'australian capital territory': 'act', act: 'act', 'northern territory': 'nt', nt: 'nt',
  california: 'ca', ca: 'ca', 'new york': 'ny', ny: 'ny', texas: 'tx', tx: 'tx', florida: 'fl', fl: 'fl',
});

/** US state and DC postal codes. Two letters may be a word of a town's name, so they count as a state only before a ZIP code ("Boston, MA 02108"). */
export const US_STATE_CODES: ReadonlySet<string> = new Set(
  'al ak az ar ca co ct dc de fl ga hi ia id il in ks ky la ma md me mi mn mo ms mt nc nd ne nh nj nm nv ny oh ok or pa ri sc sd tn tx ut va vt wa wi wv wy'.split(' '),
);

/** Australian state and territory codes (wa is also Washington's). */
export const AU_STATE_CODES: ReadonlySet<string> = new Set(['nsw', 'vic', 'qld', 'wa', 'sa', 'tas', 'act', 'nt']);
