"""Admins manage the staff accounts: list, create, read, change, deactivate. Password hashes never leave."""

from __future__ import annotations

from fastapi import APIRouter

from heine_ai.api.agent_schemas import AgentCreate, AgentOut, AgentUpdate
from heine_ai.api.deps import Admin, State
from heine_ai.handoff.accounts import AgentChanges
from heine_ai.security.tokens import Role

router = APIRouter(prefix="/api/v1/admin/agents", tags=["admin"])


@router.get("", response_model=list[AgentOut], summary="All staff accounts")
async def list_agents(state: State, _admin: Admin) -> list[AgentOut]:
    return [AgentOut.of(view) for view in await state.handoff.accounts.list()]


@router.post("", response_model=AgentOut, status_code=201, summary="Create a staff account")
async def create_agent(body: AgentCreate, state: State, _admin: Admin) -> AgentOut:
    view = await state.handoff.accounts.create(
        body.username, body.display_name, body.password, Role(body.role), body.brands
    )
    return AgentOut.of(view)


@router.get("/{agent_id}", response_model=AgentOut, summary="One staff account")
async def get_agent(agent_id: str, state: State, _admin: Admin) -> AgentOut:
    return AgentOut.of(await state.handoff.accounts.get(agent_id))


@router.patch("/{agent_id}", response_model=AgentOut, summary="Change name, role, brands, password or active")
async def update_agent(agent_id: str, body: AgentUpdate, state: State, _admin: Admin) -> AgentOut:
    changes = AgentChanges(
        display_name=body.display_name,
        role=Role(body.role) if body.role else None,
        brands=body.brands,
        active=body.active,
        password=body.password,
    )
    return AgentOut.of(await state.handoff.accounts.update(agent_id, changes))


@router.delete("/{agent_id}", response_model=AgentOut, summary="Deactivate (the audit trail keeps the account)")
async def deactivate_agent(agent_id: str, state: State, _admin: Admin) -> AgentOut:
    return AgentOut.of(await state.handoff.accounts.update(agent_id, AgentChanges(active=False)))
