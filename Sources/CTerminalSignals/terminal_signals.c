#define _DEFAULT_SOURCE 1
#define _POSIX_C_SOURCE 200809L
#define _XOPEN_SOURCE 700
#include "terminal_signals.h"

#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static volatile sig_atomic_t wake_fd = -1;
static volatile sig_atomic_t terminate_signal = 0;
static volatile sig_atomic_t resized = 0;
static struct sigaction previous_winch, previous_term, previous_int, previous_hup;

static void wake(void) {
    int fd = wake_fd;
    if (fd >= 0) {
        char byte = 1;
        ssize_t ignored = write(fd, &byte, 1);
        (void)ignored;
    }
}

static void on_winch(int sig, siginfo_t *info, void *context) {
    resized = 1;
    if ((previous_winch.sa_flags & SA_SIGINFO) && previous_winch.sa_sigaction) {
        previous_winch.sa_sigaction(sig, info, context);
    } else if (previous_winch.sa_handler != SIG_DFL && previous_winch.sa_handler != SIG_IGN && previous_winch.sa_handler) {
        previous_winch.sa_handler(sig);
    }
    wake();
}

static void on_terminate(int sig) {
    terminate_signal = sig;
    wake();
}

int rp_signals_install(int fd) {
    wake_fd = fd;
    struct sigaction winch;
    memset(&winch, 0, sizeof winch);
    winch.sa_sigaction = on_winch;
    winch.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&winch.sa_mask);
    struct sigaction term;
    memset(&term, 0, sizeof term);
    term.sa_handler = on_terminate;
    term.sa_flags = SA_RESTART;
    sigemptyset(&term.sa_mask);
    if (sigaction(SIGWINCH, &winch, &previous_winch) != 0) return -1;
    if (sigaction(SIGTERM, &term, &previous_term) != 0) return -1;
    if (sigaction(SIGINT, &term, &previous_int) != 0) return -1;
    if (sigaction(SIGHUP, &term, &previous_hup) != 0) return -1;
    return 0;
}

void rp_signals_uninstall(void) {
    sigaction(SIGWINCH, &previous_winch, NULL);
    sigaction(SIGTERM, &previous_term, NULL);
    sigaction(SIGINT, &previous_int, NULL);
    sigaction(SIGHUP, &previous_hup, NULL);
    wake_fd = -1;
}

int rp_take_terminate_signal(void) {
    int sig = terminate_signal;
    terminate_signal = 0;
    return sig;
}

int rp_take_resize(void) {
    int was = resized;
    resized = 0;
    return was;
}

static int crash_tty = -1;
static struct termios saved_termios;
static int have_termios = 0;
static const int crash_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT};
#define CRASH_SIGNAL_COUNT (sizeof crash_signals / sizeof crash_signals[0])
static struct sigaction previous_crash[CRASH_SIGNAL_COUNT];
static int crash_installed = 0;
static char alternate_stack[64 * 1024];

static void on_crash(int sig) {
    if (crash_tty >= 0) {
        if (have_termios) tcsetattr(crash_tty, TCSANOW, &saved_termios);
        // Normal attributes, cursor visible, leave the alternate screen, keypad mode off.
        static const char reset[] = "\033[0m\033[?25h\033[?1049l\033[?1l\033>\r\n";
        ssize_t ignored = write(crash_tty, reset, sizeof reset - 1);
        (void)ignored;
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

void rp_crash_restore_install(int tty_fd) {
    crash_tty = tty_fd;
    have_termios = tcgetattr(tty_fd, &saved_termios) == 0;
    if (crash_installed) return;
    // Its own stack, so that the handler still runs when the crash is a stack overflow.
    stack_t stack;
    memset(&stack, 0, sizeof stack);
    stack.ss_sp = alternate_stack;
    stack.ss_size = sizeof alternate_stack;
    sigaltstack(&stack, NULL);
    struct sigaction crash;
    memset(&crash, 0, sizeof crash);
    crash.sa_handler = on_crash;
    crash.sa_flags = SA_ONSTACK | SA_RESETHAND;
    sigemptyset(&crash.sa_mask);
    for (unsigned i = 0; i < CRASH_SIGNAL_COUNT; i++) sigaction(crash_signals[i], &crash, &previous_crash[i]);
    crash_installed = 1;
}

void rp_crash_restore_uninstall(void) {
    if (!crash_installed) return;
    for (unsigned i = 0; i < CRASH_SIGNAL_COUNT; i++) sigaction(crash_signals[i], &previous_crash[i], NULL);
    crash_installed = 0;
    crash_tty = -1;
}
