import { Button, type ButtonProps } from 'antd';
import { useNavigate } from 'react-router-dom';

/** A link that looks like a button (an `<a href>`, so no button nested in a link), navigating inside the app. */
export function LinkButton({ to, ...props }: Omit<ButtonProps, 'href'> & { to: string }) {
  const navigate = useNavigate();
  return (
    <Button
      {...props}
      href={to}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        void navigate(to);
      }}
    />
  );
}
