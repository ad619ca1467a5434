export interface DataHealthCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export interface DataHealthReport {
  id: string;
  ranAt: string;
  ok: boolean;
  checks: DataHealthCheck[];
}
