"""The runtime layer: the native extension (compile and call), the calling
convention of entry functions, saved models and the translator's reports.
It imports the eager and compiler layers; the Paddle-facing API (`dy2st`,
`dy2st.jit`, `dy2st.static`) sits on top."""
