# lwIP, the TCP/IP stack of the partitions that need one (included by
# partitions/partitions.mk after the programs).
#
# A program says it needs it in its folder's program.mk:
#
#	PROGRAM_NEEDS := lwip
#
# and then includes <tessera/net.h> (partitions/lwip/include/), the
# socket-like API of docs/servers.md, and links with
# $(O)/partitions/lwip/liblwip.a: the stack, its port to Tessera
# (partitions/lwip/port/, sys_arch.c), the netif over the library's
# netfront and the API. Programs that do not say so are built as before.
#
# The stack's source is Debian's `lwip` source package, fetched and
# unpacked under $(O)/lwip by scripts/fetch-lwip (the download is kept in
# $(O)/lwip/dl for rebuilds), never copied into the tree. Only the files
# of a NO_SYS IPv4 stack with TCP, UDP, ICMP and Ethernet/ARP are built.

LWIP_VERSION_DIR := $(O)/lwip
LWIP_STAMP := $(LWIP_VERSION_DIR)/src/.unpacked
LWIP_SRC := $(LWIP_VERSION_DIR)/src/src
LWIP_PORT_DIR := $(srctree)/partitions/lwip
LWIP_OUT := $(PARTITIONS_OUT)/lwip
LWIP_LIB := $(LWIP_OUT)/liblwip.a

LWIP_FILES := core/init core/def core/inet_chksum core/ip core/mem \
	core/memp core/netif core/pbuf core/tcp core/tcp_in core/tcp_out \
	core/timeouts core/udp core/ipv4/etharp core/ipv4/icmp core/ipv4/ip4 \
	core/ipv4/ip4_addr netif/ethernet
LWIP_OBJS := $(patsubst %,$(LWIP_OUT)/stack/%.o,$(LWIP_FILES))
LWIP_PORT_OBJS := $(patsubst $(LWIP_PORT_DIR)/%.c,$(LWIP_OUT)/%.o, \
	$(wildcard $(LWIP_PORT_DIR)/*.c))

# The API's header, for the programs that need the stack.
LWIP_API_CFLAGS := -I $(LWIP_PORT_DIR)/include
LWIP_INCLUDES := -I $(LWIP_PORT_DIR)/port -I $(LWIP_SRC)/include \
	$(LWIP_API_CFLAGS)
# lwIP's own code is not held to the tree's -Werror and extra warnings.
LWIP_STACK_CFLAGS := $(filter-out -Werror -Wshadow -Wstrict-prototypes, \
	$(PARTITION_CFLAGS)) -Wno-address $(LWIP_INCLUDES)

# fetch-lwip does nothing when the tree is unpacked already; the stamp is
# touched so that a newer script does not run it on every build.
$(LWIP_STAMP): $(srctree)/scripts/fetch-lwip
	$(quiet) FETCH lwip
	$(Q)$(srctree)/scripts/fetch-lwip $(LWIP_VERSION_DIR)
	$(Q)touch $@

$(LWIP_OBJS): $(LWIP_OUT)/stack/%.o: $(LWIP_STAMP) $(PARTITION_DEPS) \
		$(LWIP_PORT_DIR)/lwip.mk
	$(quiet) CC lwip/$*.c
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(LWIP_STACK_CFLAGS) -c -o $@ $(LWIP_SRC)/$*.c

$(LWIP_PORT_OBJS): $(LWIP_OUT)/%.o: $(LWIP_PORT_DIR)/%.c $(LWIP_STAMP) \
		$(PARTITION_DEPS) $(LWIP_PORT_DIR)/lwip.mk
	$(quiet) CC $(patsubst $(srctree)/%,%,$<)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(PARTITION_LIB_CFLAGS) $(LWIP_INCLUDES) -c -o $@ $<

$(LWIP_LIB): $(LWIP_OBJS) $(LWIP_PORT_OBJS)
	$(quiet) AR $(patsubst $(O)/%,%,$@)
	$(Q)rm -f $@
	$(Q)$(AR) rcsD $@ $^

# Each program that needs the stack: its objects see the API's header,
# its ELF links the stack before the guest library the stack uses.
define lwip_program
PARTITION_CFLAGS_$(1) += $$(LWIP_API_CFLAGS)
PARTITION_LIBS_$(1) += $$(LWIP_LIB)
$$(PARTITIONS_OUT)/$(1).elf: $$(LWIP_LIB)
endef
LWIP_PROGRAMS := $(foreach p,$(TESSERA_PROGRAMS), \
	$(if $(filter lwip,$(PARTITION_NEEDS_$(p))),$(p)))
$(foreach p,$(LWIP_PROGRAMS),$(eval $(call lwip_program,$(p))))
