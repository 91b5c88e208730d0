/**
 * onnxruntime (1.2x and later) records usage telemetry on Linux: it keeps events in
 * $HOME/.cache/Microsoft/DeveloperTools/.onnxruntime/onnxruntime.db and uploads them to Microsoft's
 * collector when it can. sysvox is offline by design, so it turns that off before the runtime loads.
 * Import this module before 'onnxruntime-node' (ES modules evaluate their imports in order). A person
 * who wants it on can set ORT_DISABLE_TELEMETRY=0.
 */
process.env.ORT_DISABLE_TELEMETRY ??= '1';
export {};
