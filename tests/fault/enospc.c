/* enospc.c: an LD_PRELOAD shim that fills the disk: writes to matching files fail with ENOSPC after a budget. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

/*
 * ENOSPC_AFTER=N lets N bytes through to files whose path contains
 * ENOSPC_PATH (every file if unset); after that a write stops short, then
 * fails with ENOSPC, as on a full disk. Other files (the terminal) are never
 * touched. Without ENOSPC_AFTER the shim does nothing.
 */

static long long budget = -1;

static void setup(void)
{
	static int done;
	const char *after = getenv("ENOSPC_AFTER");

	if (done++)
		return;
	if (after && *after)
		budget = atoll(after);
}

static int watched(int fd)
{
	const char *want = getenv("ENOSPC_PATH");
	char link[64], path[4096];
	ssize_t n;

	if (fd <= 2)
		return 0;
	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	n = readlink(link, path, sizeof path - 1);
	if (n < 0)
		return 0;
	path[n] = '\0';
	return want == NULL || strstr(path, want) != NULL;
}

/* How many of len bytes may be written to fd: all, some, or none (errno = ENOSPC). */
static size_t allowed(int fd, size_t len)
{
	setup();
	if (budget < 0 || !watched(fd))
		return len;
	if ((long long)len <= budget) {
		budget -= (long long)len;
		return len;
	}
	len = (size_t)budget;
	budget = 0;
	return len;
}

typedef ssize_t (*write_fn)(int, const void *, size_t);
typedef ssize_t (*pwrite_fn)(int, const void *, size_t, off_t);

static void *next_symbol(const char *name)
{
	void *f = dlsym(RTLD_NEXT, name);

	if (f == NULL)
		abort();
	return f;
}

/* -1 with ENOSPC when nothing may be written, else how much may. */
static ssize_t cut(int fd, size_t len, size_t *n)
{
	*n = allowed(fd, len);
	if (*n == 0 && len > 0) {
		errno = ENOSPC;
		return -1;
	}
	return 0;
}

ssize_t write(int fd, const void *buf, size_t len)
{
	static write_fn real;
	size_t n;

	if (real == NULL)
		real = (write_fn)next_symbol("write");
	return cut(fd, len, &n) ? -1 : real(fd, buf, n);
}

ssize_t pwrite(int fd, const void *buf, size_t len, off_t off)
{
	static pwrite_fn real;
	size_t n;

	if (real == NULL)
		real = (pwrite_fn)next_symbol("pwrite");
	return cut(fd, len, &n) ? -1 : real(fd, buf, n, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t len, off_t off)
{
	static pwrite_fn real;
	size_t n;

	if (real == NULL)
		real = (pwrite_fn)next_symbol("pwrite64");
	return cut(fd, len, &n) ? -1 : real(fd, buf, n, off);
}
