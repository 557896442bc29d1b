// Who may do what. Roles are ordered: an editor can do all a viewer can, an admin all an editor can.

export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(s: string): s is Role {
  return (ROLES as readonly string[]).includes(s);
}

/** True when `role` is at least `needed`. */
export function roleAllows(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** A user as the edges see one: no secrets. */
export interface User {
  id: string;
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
}

/** How a request proved who it is. */
export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'session'; user: User; csrf: string; sessionHash: string }
  | { kind: 'token'; user: User; tokenId: string };
