// eslint-formatter-friendly ships no types: an ESLint formatter takes ESLint's results and returns text.
declare module 'eslint-formatter-friendly' {
  const format: (results: unknown[]) => string;
  export default format;
}
