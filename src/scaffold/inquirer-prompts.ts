// The two prompts healthmd asks with, imported by name so that the bundle holds only them: a dynamic
// import of '@inquirer/prompts' itself bundles every prompt it exports, and its editor prompt alone
// brings iconv-lite's code pages and chardet (over half a megabyte of dist/cli.cjs).
export { input, select } from '@inquirer/prompts';
