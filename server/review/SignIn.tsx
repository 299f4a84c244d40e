import { useState } from 'preact/hooks';

export function SignIn({ error, onSubmit }: { error: string | null; onSubmit: (token: string) => void }) {
  const [value, setValue] = useState('');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (value.trim()) onSubmit(value.trim());
      }}
    >
      <h2>Sign in</h2>
      <p>Enter the access token you were given (it starts with <code>phc_</code>).</p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <label for="token">Access token</label>
      <input id="token" name="token" type="password" autoComplete="off" required value={value} onInput={(e) => setValue(e.currentTarget.value)} />
      <button type="submit">Sign in</button>
    </form>
  );
}
