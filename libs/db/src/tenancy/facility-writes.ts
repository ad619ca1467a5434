import { Injectable } from '@nestjs/common';

/** Called after a write to a facility's data has committed (read-your-writes for in-process caches). */
@Injectable()
export class FacilityWrites {
  private readonly listeners = new Set<(facilityId: string) => void>();

  subscribe(listener: (facilityId: string) => void): void {
    this.listeners.add(listener);
  }

  committed(facilityId: string): void {
    for (const listener of this.listeners) listener(facilityId);
  }
}
