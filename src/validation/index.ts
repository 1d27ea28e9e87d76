/** Simulation-meets-theory validation of the mechanism library (`seqsim validate`). */
export {
  validateMechanisms,
  caseLabels,
  type ValidationRow,
  type ValidateMechanismsOptions,
} from './validateMechanisms.js';
export { formatValidationTable } from './formatValidationTable.js';
export {
  defaultValidationCases,
  defaultCommittee,
  validatedMechanisms,
  type ValidationCase,
  type ValidatedMechanism,
  type CommitteeCase,
} from './validationCase.js';
