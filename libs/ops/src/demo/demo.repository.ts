import { Injectable } from '@nestjs/common';
import { TenantDb } from '@careops/db';

/** Which of the demo accounts exist (read through `careops_auth_user`, whatever the tenant). */
@Injectable()
export class DemoRepository {
  constructor(private readonly db: TenantDb) {}

  async userExists(username: string): Promise<boolean> {
    const [user]: { id: string }[] = await this.db.sql.query(`SELECT id FROM careops_auth_user($1, NULL)`, [username]);
    return !!user;
  }
}
