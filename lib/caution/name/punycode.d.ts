/** The part of `punycode.js` (RFC 3492, MIT) that host.ts uses; the package ships no types. */
declare module 'punycode.js' {
  const punycode: {
    /** Punycode (without the `xn--` prefix) to a string of code points; throws on bad input. */
    decode(input: string): string;
    /** A string of code points to punycode (without the `xn--` prefix). */
    encode(input: string): string;
  };
  export default punycode;
}
