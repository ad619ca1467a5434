import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClsService } from 'nestjs-cls';
import { currentPrincipal, type RequestContext } from '@careops/db';
import { MANAGING, Roles } from '@careops/platform';
import { CreateUserDto } from './dto/create-user.dto';
import { DeactivateUserDto } from './dto/deactivate-user.dto';
import { UserResponse } from './dto/user.response';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly cls: ClsService<RequestContext>,
  ) {}

  @Post()
  @Roles('PLATFORM_ADMIN')
  @ApiOperation({ summary: 'Create a facility user (facilityId) or a regulator (divisionCode)' })
  @ApiCreatedResponse({ type: UserResponse })
  create(@Body() dto: CreateUserDto) {
    return this.users.create(dto);
  }

  @Get()
  @Roles(...MANAGING)
  @ApiOperation({ summary: "Accounts: every one for the platform, the facility's own for its manager (row-level security)" })
  @ApiOkResponse({ type: [UserResponse] })
  list() {
    return this.users.list();
  }

  @Post(':userId/deactivate')
  @HttpCode(200)
  @Roles(...MANAGING)
  @ApiOperation({ summary: 'Deactivate an account: its sessions end at once (its access tokens answer 401 from the next request)' })
  @ApiOkResponse({ type: UserResponse })
  deactivate(@Param('userId', ParseUUIDPipe) id: string, @Body() dto: DeactivateUserDto) {
    return this.users.deactivate(id, dto.reason, currentPrincipal(this.cls));
  }

  @Post(':userId/reactivate')
  @HttpCode(200)
  @Roles(...MANAGING)
  @ApiOperation({ summary: 'Reactivate a deactivated account (the user signs in again)' })
  @ApiOkResponse({ type: UserResponse })
  reactivate(@Param('userId', ParseUUIDPipe) id: string) {
    return this.users.reactivate(id);
  }
}
