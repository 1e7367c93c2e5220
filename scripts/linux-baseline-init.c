// SPDX-License-Identifier: MIT
/*
 * /init of the Linux baseline's initramfs (scripts/linux-baseline).
 *
 * Loads the kernel modules under /modules in name order (the board's
 * virtio drivers, each after those it needs), brings eth0 up when the
 * kernel command line says ipv4=<address>/<prefix> (and
 * ipv4_gateway=<address>: words the kernel does not know reach init as
 * its environment), then runs the command the kernel command line gives
 * after "--" (the kernel hands those words to init as its arguments) or,
 * without one, every program under /bench in name order; then ends the
 * run the way the Tessera monitor does, through QEMU's isa-debug-exit
 * device, so that scripts/qemu-run turns it into an exit status: 0 when
 * every program exited 0, 1 otherwise (a module that does not load, or
 * eth0 that does not come up, is a failure too). Were init to return instead, the kernel would
 * panic, panic=-1 reboot and -no-reboot stop QEMU without a verdict.
 * Its first line, "init: linux <release>", names the kernel measured.
 *
 * DEBUG_EXIT_PORT and DEBUG_EXIT_BASE come from the compiler's command
 * line, taken from the board and from scripts/qemu-run.
 */

#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/io.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#define BENCH_DIR "/bench"
#define MODULE_DIR "/modules"

static void mount_or_warn(const char *type, const char *dir)
{
	if (mount(type, dir, type, 0, NULL))
		perror(dir);
}

/*
 * The kernel opens /dev/console for init only if the initramfs has that
 * node, and making one would need root: init opens it itself.
 */
static void console_open(void)
{
	int fd;

	mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
	fd = open("/dev/console", O_RDWR);
	if (fd < 0)
		return;
	dup2(fd, 0);
	dup2(fd, 1);
	dup2(fd, 2);
	if (fd > 2)
		close(fd);
}

/* Runs argv[0] (searched in PATH) to its end: 0 when it exited 0. */
static int run(char *const argv[])
{
	int status;
	pid_t pid = fork();

	if (pid < 0) {
		perror("init: fork");
		return 1;
	}
	if (pid == 0) {
		execvp(argv[0], argv);
		fprintf(stderr, "init: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			perror("init: waitpid");
			return 1;
		}
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	if (WIFEXITED(status))
		printf("init: %s: exited with status %d\n", argv[0],
		       WEXITSTATUS(status));
	else
		printf("init: %s: killed by signal %d\n", argv[0],
		       WTERMSIG(status));
	return 1;
}

/* fn(path) for each file of dir in name order: its results ORed. */
static int each_file(const char *dir, int (*fn)(const char *path))
{
	struct dirent **names;
	char path[512];
	int n, i, failed = 0;

	n = scandir(dir, &names, NULL, alphasort);
	if (n < 0) {
		perror(dir);
		return 1;
	}
	for (i = 0; i < n; i++) {
		if (names[i]->d_name[0] != '.') {
			snprintf(path, sizeof(path), "%s/%s", dir,
				 names[i]->d_name);
			failed |= fn(path);
		}
		free(names[i]);
	}
	free(names);
	return failed;
}

static int run_program(const char *path)
{
	return run((char *[]){ (char *)path, NULL });
}

/* finit_module(2): no modprobe, no modules.dep; the order is the files'. */
static int load_module(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC), rc;

	if (fd < 0) {
		perror(path);
		return 1;
	}
	rc = syscall(SYS_finit_module, fd, "", 0);
	if (rc)
		printf("init: %s: %s\n", path, strerror(errno));
	close(fd);
	return rc != 0;
}

/* eth0 up with the kernel command line's address and route, if any. */
static int net_up(void)
{
	char *address = getenv("ipv4"), *gateway = getenv("ipv4_gateway");
	int failed;

	if (!address)
		return 0;
	failed = run((char *[]){ "ip", "link", "set", "lo", "up", NULL });
	failed |= run((char *[]){ "ip", "addr", "add", address, "dev", "eth0",
				  NULL });
	failed |= run((char *[]){ "ip", "link", "set", "eth0", "up", NULL });
	if (gateway)
		failed |= run((char *[]){ "ip", "route", "add", "default",
					  "via", gateway, NULL });
	if (!failed)
		printf("init: eth0 %s\n", address);
	return failed;
}

static void __attribute__((noreturn)) machine_off(int status)
{
	fflush(NULL);
	sync();
	if (ioperm(DEBUG_EXIT_PORT, 1, 1) == 0)
		outb(DEBUG_EXIT_BASE + status, DEBUG_EXIT_PORT);
	/* No debug-exit device: QEMU stops anyway, without a verdict. */
	reboot(RB_POWER_OFF);
	for (;;)
		pause();
}

int main(int argc, char *argv[])
{
	struct utsname uts;

	console_open();
	if (uname(&uts) == 0)	/* names the baseline in every record of it */
		printf("init: linux %s\n", uts.release);
	mount_or_warn("proc", "/proc");
	mount_or_warn("sysfs", "/sys");
	setenv("PATH", "/bin:" BENCH_DIR, 1);
	if (each_file(MODULE_DIR, load_module) | net_up())
		machine_off(1);
	machine_off(argc > 1 ? run(argv + 1) : each_file(BENCH_DIR, run_program));
}
