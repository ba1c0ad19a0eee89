// Types of the precompiled validator that `npm run schema` generates beside this file.
import type { ErrorObject } from 'ajv';

export declare const validate: {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
};
export default validate;
