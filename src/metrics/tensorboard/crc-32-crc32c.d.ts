// crc-32 ships its CRC-32C (Castagnoli) build as a second entry with the same API, typed for its main entry only.
declare module 'crc-32/crc32c.js' {
  import type * as CRC32 from 'crc-32';
  const CRC32C: typeof CRC32;
  export default CRC32C;
}
