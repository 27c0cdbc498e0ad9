import { useTranslation } from 'react-i18next';
import type { Member } from '../../../../shared/api/documents.ts';
import { groupBy } from '../../lib/groupBy.ts';

/** Everyone who joined the document, under their delegation. */
export function MembersByDelegation({ members }: { members: Member[] }) {
  const { t } = useTranslation();
  if (members.length === 0) return <p className="muted">{t('organiser.noMembers')}</p>;
  const groups = groupBy(members, (member) => member.delegation);
  return (
    <div className="member-groups">
      {[...groups].map(([delegation, people]) => (
        <section key={delegation} className="member-group">
          <h4>
            <span className="swatch" style={{ backgroundColor: people[0]!.color }} aria-hidden="true" />
            {delegation}
          </h4>
          <ul>
            {people.map((member) => (
              <li key={member.id}>
                {member.name} <span className="muted">· {t(`roles.${member.role}`)}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
