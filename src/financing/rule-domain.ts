/**
 * What financing reads from a financing rule file besides its conditions, declared to
 * the loader: the fact catalogue of the affordability rules, their one rule "en for høj
 * økonomisk udgift", and a scheme's minimum local share `minLokalAndel`.
 */
import { financingFacts } from '../domain/facts/financing.js';
import { defineRuleDomain } from '../rules/rule-domain.js';

/** The id of the affordability rule set. */
export const AFFORDABILITY_RULE_SET = 'financing-affordability';
/** The id of its rule "en for høj økonomisk udgift". */
export const FOR_HOEJ_UDGIFT_RULE = 'for-hoej-udgift';

/** The financing domain's declaration to the loader. */
export const financingRules = defineRuleDomain({
  name: 'financing',
  title: 'Finansiering af boligsociale indsatser: ordninger, finansieringskilder og betalingsevne',
  facts: financingFacts,
  events: {
    [FOR_HOEJ_UDGIFT_RULE]: { description: 'En for høj økonomisk udgift for afdelingen, hvis den eksterne finansiering ophører (stopparameter 5)', params: undefined },
  },
  parameters: {
    minLokalAndel: {
      type: 'decimal',
      unit: 'andel af den samlede ramme',
      description: 'Den mindste andel, de lokale finansieringskilder tilsammen skal bære',
      required: false,
    },
  },
  financingSection: true,
  rules: [{ id: FOR_HOEJ_UDGIFT_RULE, eventType: FOR_HOEJ_UDGIFT_RULE, ruleSet: AFFORDABILITY_RULE_SET }],
});
