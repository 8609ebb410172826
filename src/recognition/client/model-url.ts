// URL of the descriptor model in the built app (hashed, precached); keep in step with
// DESCRIPTOR_MODEL.file in ../engine/model.ts, which Node uses.
import descriptorModelUrl from '../../../models/patch-descriptor-tiny.onnx?url';

export { descriptorModelUrl };
