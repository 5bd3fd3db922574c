// The bottom sheet moved to src/components so the group page (package-group) can ask for a join message with it too.
export { Sheet } from '../../components/Sheet';
