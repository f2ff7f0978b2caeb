// TanStack Query key factories for what actions ask the server: the calls
// they run (mutations) and the look-ups behind their menus (queries).
export const actionKeys = {
  all: ['action'] as const,
  /** One XenAPI call on one object: ['action', 'VM.start', ref]. */
  call: (method: string, ref: string) => ['action', method, ref] as const,
};

export const bootCheckKeys = {
  all: ['assert_can_boot_here'] as const,
  /** VM.assert_can_boot_here for one VM on one host. */
  check: (vm: string, host: string) => ['assert_can_boot_here', vm, host] as const,
};

export const apiKeys = {
  /** system.listMethods: what this server implements. */
  methods: () => ['system.listMethods'] as const,
};

export const migrateKeys = {
  all: ['assert_can_migrate'] as const,
  /** host.migrate_receive + VM.assert_can_migrate for one VM to one host. */
  check: (vm: string, host: string) => ['assert_can_migrate', vm, host] as const,
  /** Simulator.get_migration for a VM (the live migration view). */
  record: (vm: string) => ['Simulator.get_migration', vm] as const,
};

export const wlbPlacementKeys = {
  /** VM.retrieve_wlb_recommendations for one VM: WLB's star rating of each host. */
  ratings: (vm: string) => ['VM.retrieve_wlb_recommendations', vm] as const,
};
