import { descriptionLength } from './description-length.js';
import { disclaimerPresent } from './disclaimer-present.js';
import { frontMatterSchema } from './front-matter-schema.js';
import { frontMatterValid } from './front-matter-valid.js';
import { headingStructure } from './heading-structure.js';
import { imageAlt } from './image-alt.js';
import { internalLinks } from './internal-links.js';
import { linkSafety } from './link-safety.js';
import { noAbsoluteClaims } from './no-absolute-claims.js';
import { noPlaceholder } from './no-placeholder.js';
import { noRawHtml } from './no-raw-html.js';
import { readabilityGrade } from './readability-grade.js';
import { requiredSections } from './required-sections.js';
import { reviewCurrent } from './review-current.js';
import { sourcesPresent } from './sources-present.js';
import { treatmentHeadings } from './treatment-headings.js';
import type { Rule } from './types.js';
import type { AnyRule } from './types.js';
import { uniqueSlug } from './unique-slug.js';

/** Every rule, in the order the README's rules table lists them (and `healthmd rules` shows them). */
export const rules: readonly AnyRule[] = [
  frontMatterValid,
  frontMatterSchema,
  requiredSections,
  treatmentHeadings,
  disclaimerPresent,
  reviewCurrent,
  sourcesPresent,
  headingStructure,
  noPlaceholder,
  noAbsoluteClaims,
  readabilityGrade,
  descriptionLength,
  imageAlt,
  linkSafety,
  noRawHtml,
  internalLinks,
  uniqueSlug,
];

export type { AnyRule, Rule, RuleContext, RuleReport, ProjectView } from './types.js';
