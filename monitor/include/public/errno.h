/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_PUBLIC_ERRNO_H
#define TESSERA_PUBLIC_ERRNO_H

/*
 * Error codes of the Tessera ABI. Hypercalls and monitor functions return
 * them negated (-EINVAL); the values are Linux's, so that a
 * partition's strerror-like table and a reader's memory agree.
 */
#define EPERM		1	/* not allowed to this caller */
#define ENOENT		2	/* no such object */
#define EIO		5	/* the device failed */
#define E2BIG		7	/* a length beyond the limit */
#define EAGAIN		11	/* try again later */
#define ENOMEM		12	/* a static table is full */
#define EACCES		13	/* refused by a rule, a firewall's */
#define EFAULT		14	/* a pointer outside the caller's memory */
#define EBUSY		16	/* the object is in use */
#define EEXIST		17	/* already there */
#define ENODEV		19	/* no such device */
#define EINVAL		22	/* an argument out of its range */
#define ERANGE		34	/* outside the caller's extent */
#define ENOSYS		38	/* no such hypercall */
#define EPROTO		71	/* a peer broke the ring protocol */
#define EOVERFLOW	75	/* a value does not fit */

#endif
