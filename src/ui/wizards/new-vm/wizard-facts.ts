// All the wizard reads of the pool, for one template, in one object (built
// from the object cache; compared by content so the wizard re-renders only
// when something it shows changed).
import type { CacheReader } from '../../actions/action-types';
import { autoNetworks, diskSrs, guestNetworks, isoImages, poolHosts } from './pool-facts';
import { templateFacts } from './template-facts';
import { defaultVmName } from './template-list';
import type { WizardFacts } from './wizard-state';

export function wizardFacts(cache: CacheReader, template: string | undefined): WizardFacts {
  const t = template === undefined ? undefined : templateFacts(cache, template);
  return {
    template: t,
    hosts: poolHosts(cache),
    srs: diskSrs(cache),
    isos: isoImages(cache),
    networks: guestNetworks(cache),
    autoNetworks: autoNetworks(cache),
    suggestedName: t === undefined ? '' : defaultVmName(t.name, cache),
  };
}

export function sameFacts(a: WizardFacts, b: WizardFacts): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
