import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { SetMetadata } from '@nestjs/common';
import { ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ClsService } from 'nestjs-cls';
import { currentPrincipal, OWN_TRANSACTIONS, Principal, RequestContext } from '@careops/db';
import { FacilitiesService } from '@careops/facilities';
import { ANY_ROLE, OwnSession, Public, Roles } from '@careops/platform';
import { AuthService } from './auth.service';
import { LoginDto, RefreshDto, TokenPairDto } from './dto/auth.dto';
import { BootstrapResponse } from './dto/bootstrap.response';
import { UserResponse } from './dto/user.response';
import { LocalAuthGuard } from './local.strategy';
import { toPublicUser } from './user.entity';

const OwnTransactions = () => SetMetadata(OWN_TRANSACTIONS, true);

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly cls: ClsService<RequestContext>,
    private readonly facilities: FacilitiesService,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @OwnTransactions()
  @UseGuards(ThrottlerGuard, LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiTooManyRequestsResponse({
    description: 'too many attempts from this address; `Retry-After` says in how many seconds to try again',
    headers: { 'Retry-After': { description: 'seconds', schema: { type: 'integer' } } },
  })
  @ApiOperation({ summary: 'Sign in: an access token (≤ 15 min) and a refresh token' })
  login(@Req() req: { user: Principal }) {
    return this.auth.login(req.user);
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @OwnTransactions()
  @UseGuards(ThrottlerGuard)
  @ApiOkResponse({ type: TokenPairDto })
  @ApiOperation({ summary: 'A new pair for a refresh token (each works once; reuse revokes the family)' })
  refresh(@Body() dto: RefreshDto) {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @Roles(...ANY_ROLE)
  @OwnSession()
  @OwnTransactions()
  @ApiOperation({ summary: 'Sign out: revokes the refresh token and its family' })
  @ApiNoContentResponse({ description: 'signed out' })
  async logout(@Body() dto: RefreshDto): Promise<void> {
    await this.auth.logout(currentPrincipal(this.cls), dto.refreshToken);
  }

  @Get('me')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Who the token belongs to' })
  @ApiOkResponse({ type: UserResponse })
  me() {
    const p = currentPrincipal(this.cls);
    return toPublicUser({
      id: p.userId,
      username: p.username,
      role: p.role,
      facilityId: p.facilityId ?? null,
      divisionCode: p.divisionCode ?? null,
      displayName: null,
    });
  }

  @Get('bootstrap')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'What the web app needs to start: who is signed in, their facility or division, the server’s clock' })
  @ApiOkResponse({ type: BootstrapResponse })
  async bootstrap(): Promise<BootstrapResponse> {
    const p = currentPrincipal(this.cls);
    // A facility user's own facility (the transaction's tenant); RLS answers nothing else.
    const f = p.facilityId ? await this.facilities.get(p.facilityId) : null;
    return {
      user: this.me(),
      facility: f && { id: f.id, name: f.name, type: f.type, divisionCode: f.divisionCode, timezone: f.timezone },
      division: p.divisionCode ? { code: p.divisionCode } : null,
      serverTime: new Date().toISOString(),
    };
  }
}
