// Signal plumbing for the console, in C because signal handlers must be async-signal-safe.
#ifndef ROOMPOLL_TERMINAL_SIGNALS_H
#define ROOMPOLL_TERMINAL_SIGNALS_H

/// Catches SIGWINCH, SIGTERM, SIGINT and SIGHUP: each writes one byte to `wake_fd` (so a
/// loop blocked in poll() wakes up) and is remembered for rp_take_*(). The SIGWINCH handler
/// that was installed before (ncurses') is still called. Returns 0, or -1 on failure.
int rp_signals_install(int wake_fd);

/// Puts back the handlers that were there before rp_signals_install.
void rp_signals_uninstall(void);

/// The terminating signal received since the last call (SIGTERM, SIGINT, SIGHUP), or 0.
int rp_take_terminate_signal(void);

/// Whether the terminal was resized since the last call.
int rp_take_resize(void);

/// Remembers the terminal settings of `tty_fd` — call it before curses changes them; if the
/// process then crashes (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT), the handler puts
/// them back, leaves the alternate screen, shows the cursor and re-raises the signal. The
/// handler runs on its own stack, so a stack overflow is covered too.
void rp_crash_restore_install(int tty_fd);

/// Puts back the crash handlers that were there before rp_crash_restore_install.
void rp_crash_restore_uninstall(void);

#endif
