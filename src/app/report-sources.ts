/**
 * The daily report's live figures, read from the areas that own them: the containers the Docker area
 * calls a problem (in its own words, "db is unhealthy"), and disk use per mount from the system sampler's
 * latest snapshot (the mounts the disk alert watches).
 */
import type { ReportSources } from '../alerts/daily-report.js';
import type { DiskUse } from '../alerts/disk-history.js';
import { describeContainerProblem } from '../../tools/docker/answers.js';
import type { DockerClient } from '../../tools/docker/client.js';
import type { SystemSampler } from '../../tools/system/sampler.js';
import { selectFilesystems } from '../../tools/system/system-tools.js';

export function reportSources(options: {
  docker: Pick<DockerClient, 'problemContainers'>;
  sampler: Pick<SystemSampler, 'latest'>;
}): ReportSources {
  return {
    async problemContainers() {
      const containers = await options.docker.problemContainers();
      return containers.map((container) => ({ name: container.name, problem: describeContainerProblem(container) }));
    },
    async diskUse() {
      const { filesystems } = await options.sampler.latest();
      const use: DiskUse = {};
      for (const filesystem of selectFilesystems(filesystems)) use[filesystem.mount] ??= filesystem.usedPercent;
      return use;
    },
  };
}
