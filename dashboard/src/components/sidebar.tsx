import { NAVIGATION, type SectionId } from '../app/navigation.js';
import { canAny, type Role } from '../permissions.js';
import { Icon } from './icon.js';

interface SidebarProps {
  role: Role;
  current: SectionId | null;
  footer?: string;
}

export function Sidebar({ role, current, footer }: SidebarProps) {
  return (
    <aside class="sidebar">
      <a class="brand" href="/">
        <svg class="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
          <rect width="32" height="32" rx="7" />
          <path d="M9 21c2 2 4.5 3 7 3 3.5 0 6-1.8 6-4.6 0-5.6-12-3.4-12-8.8C10 8.3 12.5 7 15.6 7c2.2 0 4.3.7 6 2" />
        </svg>
        <span class="brand-name">Steward</span>
      </a>
      <nav aria-label="Main">
        <ul class="nav-list">
          {NAVIGATION.filter((item) => canAny(role, item.requires)).map((item) => (
            <li key={item.id}>
              <a
                class="nav-link"
                href={item.href}
                aria-current={item.id === current ? 'page' : undefined}
                title={item.label}
              >
                <Icon name={item.icon} size={20} />
                <span class="nav-label">{item.label}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {footer ? <p class="sidebar-footer">{footer}</p> : null}
    </aside>
  );
}
