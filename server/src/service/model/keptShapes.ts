/**
 * One small instance of each class a check makes by the thousand, kept for
 * the life of the process, so that the engine keeps those classes' compiled
 * methods from one check to the next.
 *
 * V8's optimised code for a method refers to the hidden class (V8's "map") of
 * the objects it was compiled for, and holds it weakly. When a check ends,
 * every reader, cursor, walker and model object it made is garbage; at the
 * next full collection V8 may free their hidden classes, and then throws away
 * every method compiled against them (`node --trace-deopt` prints "marking
 * dependent code ... for deoptimization, reason: weak objects": about 40 of
 * the 837 check's methods after each check). Every check after a full
 * collection (each round of `npm run bench`, each check in an editor left
 * idle for a while) then ran its hot loops in the interpreter again until
 * they were recompiled: on the bench's 5 MB 837 the third check of a process
 * took 560–670 ms of CPU instead of about 400 ms.
 *
 * An instance that stays alive keeps its hidden class alive, and with it the
 * compiled code. The instances are made empty (no text, no claims): together
 * they hold a few tens of kilobytes. A class whose instances take another hidden
 * class (fields added in another order, or a field that once held another
 * kind of value) would not be helped; `test/service/model/keptShapes.test.ts`
 * checks that the methods of these classes compiled during checks are still
 * compiled after full collections.
 */
const kept: object[] = [];

/** Keeps `instance` alive for good (see above); returns it. */
export function keepShapeOf<T extends object>(instance: T): T {
  kept.push(instance);
  return instance;
}

/** The kept instances: the test reads their classes' methods. */
export function keptShapes(): readonly object[] {
  return kept;
}
