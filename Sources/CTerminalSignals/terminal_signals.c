#define _POSIX_C_SOURCE 200809L
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
    int signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT};
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) signal(signals[i], on_crash);
}
