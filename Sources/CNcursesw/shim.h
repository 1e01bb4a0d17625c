// The wide-character curses API (ncursesw from Debian's libncurses-dev).
// NCURSES_WIDECHAR must be defined before curses.h so that cchar_t, wget_wch and the
// *_wstr functions are declared.
#ifndef ROOMPOLL_NCURSESW_SHIM_H
#define ROOMPOLL_NCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Macros Swift cannot import, as functions.
static inline attr_t roompoll_attr_bold(void) { return A_BOLD; }
static inline attr_t roompoll_attr_reverse(void) { return A_REVERSE; }
static inline attr_t roompoll_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t roompoll_attr_dim(void) { return A_DIM; }
static inline attr_t roompoll_attr_normal(void) { return A_NORMAL; }
static inline int roompoll_set_attributes(WINDOW *window, attr_t attributes, short pair) {
    return wattr_set(window, attributes, pair, NULL);
}
static inline WINDOW *roompoll_stdscr(void) { return stdscr; }
static inline int roompoll_lines(void) { return LINES; }
static inline int roompoll_columns(void) { return COLS; }
static inline int roompoll_colors(void) { return COLORS; }
static inline int roompoll_color_pairs(void) { return COLOR_PAIRS; }
static inline int roompoll_key_f0(void) { return KEY_F0; }
static inline FILE *roompoll_stdin(void) { return stdin; }
static inline FILE *roompoll_stdout(void) { return stdout; }

#endif
