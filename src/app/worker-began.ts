// Imported first by simulate.worker.ts: when the worker's script began to run,
// i.e. after it was fetched and compiled, before the engine's modules evaluated
// (bench/render.ts prints it among the first draw's steps).
export const began = performance.timeOrigin + performance.now();
