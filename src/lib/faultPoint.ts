/**
 * Test-only crash points: with `B2C_FAULT_POINT=<name>` in its environment, a process kills
 * itself with SIGKILL (no clean-up, no `finally`, exactly like the OOM killer or a pulled plug)
 * when it reaches `faultPoint('<name>')`. Fault tests (tests/faults/) use it to stop a real
 * process at a precise moment. Without the variable it does nothing.
 *
 * Names in use:
 * - `mail-accepted` (src/email/task.ts): right after the SMTP server's 250, before the send is
 *   recorded; `mail-sent`: right after it is recorded;
 * - `submission-before-commit` (src/submissions/store.ts): the clip, photos,
 *   submission and mail jobs written, files in place, the transaction not yet committed;
 *   `submission-committed`: committed, the 201 not yet sent.
 */
export const faultPoint = (name: string): void => {
  if (process.env.B2C_FAULT_POINT === name) process.kill(process.pid, 'SIGKILL')
}
